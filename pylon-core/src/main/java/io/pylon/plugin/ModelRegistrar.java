package io.pylon.plugin;

import io.pylon.models.ModelFactory;

/** Where a plugin adds models; the name is what {@code model.name} selects. */
@FunctionalInterface
public interface ModelRegistrar {

    void register(String name, ModelFactory<?> factory);
}
