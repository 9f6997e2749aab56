package io.pylon.nn;

import java.util.Optional;

import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;

/**
 * The double-convolution block of a UNet level, its layers registered on the owning module under
 * {@code prefix}: {@code act(norm(conv1(x)))}, dropout, then {@code norm(conv2(.))}; plain blocks apply the
 * activation to that, residual blocks add a shortcut first ({@code act(main + s(x))}, with {@code s} the
 * identity when the channels match, else a bias-free 1x1 convolution). Convolutions are "same"-padded, bias-free
 * when a normalisation follows.
 *
 * <p>Parameters: {@code k*in*out + k*out*out} (k = product of the kernel sides), plus {@code 2*out} per
 * normalisation or {@code out} per convolution bias without normalisation, plus {@code in*out} for a projecting
 * shortcut. The block is a plain Java object rather than a child module, so parameter names stay flat
 * ({@code enc0_conv1.weight}).
 */
public final class ConvBlock {

    private final Layer conv1;
    private final Optional<Layer> norm1;
    private final Layer conv2;
    private final Optional<Layer> norm2;
    private final Optional<Layer> shortcut;
    private final boolean residual;
    private final Activation activation;
    private final double dropout;

    public ConvBlock(Module owner, String prefix, int dims, long in, long out, long[] kernel, Norm norm, long groups,
                     Activation activation, double dropout, boolean residual) {
        boolean bias = norm == Norm.NONE;
        this.conv1 = Layers.conv(owner, prefix + "_conv1", dims, in, out, kernel, bias);
        this.norm1 = Layers.norm(owner, prefix + "_norm1", dims, norm, out, groups);
        this.conv2 = Layers.conv(owner, prefix + "_conv2", dims, out, out, kernel, bias);
        this.norm2 = Layers.norm(owner, prefix + "_norm2", dims, norm, out, groups);
        this.shortcut = residual && in != out
                ? Optional.of(Layers.conv(owner, prefix + "_shortcut", dims, in, out, Layers.repeat(dims, 1), false))
                : Optional.empty();
        this.residual = residual;
        this.activation = activation;
        this.dropout = dropout;
    }

    public Tensor forward(Tensor x, boolean training) {
        Tensor y = conv1.apply(x);
        if (norm1.isPresent()) {
            y = norm1.get().apply(y);
        }
        y = activation.apply(y);
        if (dropout > 0) {
            y = torch.dropout(y, dropout, training);
        }
        y = conv2.apply(y);
        if (norm2.isPresent()) {
            y = norm2.get().apply(y);
        }
        if (residual) {
            y = y.add(shortcut.isPresent() ? shortcut.get().apply(x) : x);
        }
        return activation.apply(y);
    }
}
