package io.pylon.plugin;

import java.util.function.Function;

import io.pylon.trainer.callback.Callback;

/** Where a plugin adds callbacks; a plugin callback runs only when listed under {@code callbacks:}. */
@FunctionalInterface
public interface CallbackRegistrar {

    <P extends Record> void register(String name, Class<P> params, Function<? super P, Callback> factory);
}
