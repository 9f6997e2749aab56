package io.pylon.nn;

import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;

/** Pointwise non-linearities selectable by config: {@code relu}, {@code leaky_relu} (slope 0.01), {@code gelu}. */
public enum Activation {
    RELU, LEAKY_RELU, GELU;

    /** The negative slope of {@link #LEAKY_RELU}, PyTorch's default. */
    public static final double LEAKY_SLOPE = 0.01;

    public Tensor apply(Tensor x) {
        return switch (this) {
            case RELU -> torch.relu(x);
            case LEAKY_RELU -> torch.leaky_relu(x, new Scalar(LEAKY_SLOPE));
            case GELU -> torch.gelu(x);
        };
    }
}
