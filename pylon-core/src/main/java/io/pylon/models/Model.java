package io.pylon.models;

import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.Tensor;

/**
 * A trainable network: a libtorch {@link Module} with one tensor-to-tensor forward. Implementations
 * extend {@code Module} and implement this interface, so {@link #module()} is usually {@code this}.
 */
public interface Model {

    Tensor forward(Tensor input);

    default Module module() {
        return (Module) this;
    }
}
