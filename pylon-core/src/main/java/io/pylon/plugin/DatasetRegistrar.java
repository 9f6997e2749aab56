package io.pylon.plugin;

import io.pylon.data.DatasetFactory;

/** Where a plugin adds datasets; the name is what {@code data.name} selects. */
@FunctionalInterface
public interface DatasetRegistrar {

    void register(String name, DatasetFactory factory);
}
