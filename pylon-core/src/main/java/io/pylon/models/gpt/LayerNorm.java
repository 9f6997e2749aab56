package io.pylon.models.gpt;

import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptional;
import org.bytedeco.pytorch.global.torch;

/**
 * LayerNorm over the last dimension with an optional bias. libtorch's {@code LayerNormOptions} can only drop
 * weight and bias together, while nanoGPT's {@code bias=False} keeps the weight: hence this small module.
 * Parameters: {@code weight} (ones) and, with bias, {@code bias} (zeros); {@code 2d} or {@code d} values.
 */
final class LayerNorm extends Module {

    private static final double EPS = 1e-5;

    private final long width;
    /** Owned handles: {@code register_parameter} returns a reference into the module's parameter table. */
    private final Tensor weight;
    private final TensorOptional bias;

    LayerNorm(long width, boolean bias) {
        this.width = width;
        this.weight = new Tensor(register_parameter("weight", torch.ones(width)));
        this.bias = bias
                ? new TensorOptional(new Tensor(register_parameter("bias", torch.zeros(width))))
                : new TensorOptional();
    }

    Tensor forward(Tensor x) {
        return torch.layer_norm(x, new long[] {width}, new TensorOptional(weight), bias, EPS, true);
    }
}
