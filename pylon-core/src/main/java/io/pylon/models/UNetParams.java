package io.pylon.models;

import io.pylon.config.Default;
import io.pylon.config.InvalidValueException;
import io.pylon.nn.Activation;
import io.pylon.nn.Norm;

/**
 * Settings of the {@code unet2d} and {@code unet3d} models (see {@link UNet}). The defaults are the classic
 * 4-level UNet of Ronneberger et al. (32 base channels, as nnU-Net starts) with batch norm.
 *
 * @param depth number of 2x down-samplings, >= 1 (so {@code depth + 1} resolution levels); every spatial input
 *     side must be divisible by {@code 2^depth}
 * @param width channels of the first level, >= 1; level {@code l} has {@code width * 2^l}
 * @param norm normalisation after each convolution: batch, instance, group or none
 * @param groups groups of group norm, >= 1, must divide {@code width} (and so every level's channels)
 * @param activation relu, leaky_relu or gelu
 * @param upsampling transposed (2x2 transposed convolution, stride 2) or interpolate ((bi/tri)linear resize to
 *     the skip connection's size, then a 1x1 convolution halving the channels)
 * @param dropout dropout probability between the two convolutions of every block, in [0, 1)
 * @param residual residual blocks: a shortcut (1x1 projection where channels change) added before the last
 *     activation
 * @param deepSupervision a 1x1-convolution head at every decoder level; the model then returns outputs
 *     {@code scale0} (full resolution) .. {@code scale<depth-1>}
 */
public record UNetParams(
        @Default("4") int depth,
        @Default("32") int width,
        @Default("batch") Norm norm,
        @Default("8") int groups,
        @Default("relu") Activation activation,
        @Default("transposed") Upsampling upsampling,
        @Default("0.0") double dropout,
        @Default("false") boolean residual,
        @Default("false") boolean deepSupervision) {

    /** How the decoder doubles the resolution. */
    public enum Upsampling {
        TRANSPOSED, INTERPOLATE
    }

    public UNetParams {
        InvalidValueException.require(depth >= 1 && depth <= 16, "depth", "must be in [1, 16], got %d", depth);
        InvalidValueException.require(width >= 1, "width", "must be >= 1, got %d", width);
        InvalidValueException.require((long) width << depth <= Integer.MAX_VALUE, "width",
                "times 2^depth must fit an int, got width %d and depth %d", width, depth);
        InvalidValueException.require(norm != null, "norm", "must be batch, instance, group or none");
        InvalidValueException.require(groups >= 1, "groups", "must be >= 1, got %d", groups);
        InvalidValueException.require(norm != Norm.GROUP || width % groups == 0, "groups",
                "must divide width (%d) for group norm, got %d", width, groups);
        InvalidValueException.require(activation != null, "activation", "must be relu, leaky_relu or gelu");
        InvalidValueException.require(upsampling != null, "upsampling", "must be transposed or interpolate");
        InvalidValueException.require(dropout >= 0 && dropout < 1, "dropout", "must be in [0, 1), got %s", dropout);
    }

    public static UNetParams defaults() {
        return new UNetParams(4, 32, Norm.BATCH, 8, Activation.RELU, Upsampling.TRANSPOSED, 0.0, false, false);
    }
}
