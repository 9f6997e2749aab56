package io.pylon.optim;

import org.bytedeco.pytorch.Tensor;

/**
 * A trainable tensor with its dotted module path ({@code "encoder.0.weight"}).
 *
 * @param name the name {@code Module.named_parameters()} gives it
 * @param tensor the parameter itself (the module's own handle, so re-pointing its data is seen by the module)
 */
public record NamedParameter(String name, Tensor tensor) {
}
