package io.pylon.models;

import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.Tensor;

/**
 * A trainable network: a libtorch {@link Module} with one tensor-to-tensor forward. Implementations
 * extend {@code Module} and implement this interface, so {@link #module()} is usually {@code this}.
 */
public interface Model {

    Tensor forward(Tensor input);

    /**
     * Where {@link #forward}'s output holds its classes; losses and metrics see it with the class dimension
     * at 1 (see {@link OutputLayout}).
     */
    default OutputLayout outputLayout() {
        return OutputLayout.CLASSES_FIRST;
    }

    default Module module() {
        return (Module) this;
    }
}
