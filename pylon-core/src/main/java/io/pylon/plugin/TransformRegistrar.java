package io.pylon.plugin;

import java.util.function.Function;

import io.pylon.data.transform.Transform;

/** Where a plugin adds per-sample transforms (see {@link io.pylon.data.transform.Transforms}). */
@FunctionalInterface
public interface TransformRegistrar {

    <P extends Record> void register(String name, Class<P> params, Function<? super P, Transform> factory);
}
