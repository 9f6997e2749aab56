package io.pylon.models;

import java.util.function.BiFunction;

import io.pylon.data.DataSpec;

/**
 * How to build one named model: the record its {@code model:} config section binds to, and the
 * constructor taking that record and the data spec. Keeping the type next to the constructor lets the
 * trainer bind config generically, without a switch over model names.
 *
 * @param paramsType the params record type
 * @param constructor builds the model from bound params and the data spec
 */
public record ModelFactory<P extends Record>(Class<P> paramsType, BiFunction<P, DataSpec, Model> constructor) {

    /** Builds the model; {@code params} must be a {@link #paramsType} instance. */
    public Model create(Object params, DataSpec spec) {
        if (!paramsType.isInstance(params)) {
            throw new IllegalArgumentException("expected " + paramsType.getSimpleName() + " params, got "
                    + (params == null ? "null" : params.getClass().getSimpleName()));
        }
        return constructor.apply(paramsType.cast(params), spec);
    }
}
