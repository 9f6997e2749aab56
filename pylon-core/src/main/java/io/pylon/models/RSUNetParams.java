package io.pylon.models;

import java.util.List;

import io.pylon.config.Default;
import io.pylon.config.InvalidValueException;
import io.pylon.nn.Activation;
import io.pylon.nn.Norm;

/**
 * Settings of the {@code rsunet3d} model (see {@link RSUNet}). The defaults are PyTorch Connectomics' RSUNet:
 * five levels of 28, 36, 48, 64 and 80 channels, the first three anisotropic for EM volumes whose z resolution
 * is several times coarser than x/y.
 *
 * @param channels channels of each resolution level, at least one entry, each >= 1
 * @param isotropy per level (same length as {@code channels}): {@code true} uses 3x3x3 kernels and is reached
 *     by 2x2x2 pooling; {@code false} uses 1x3x3 kernels and (1,2,2) pooling, leaving z alone
 * @param norm normalisation after each convolution: batch, instance, group or none
 * @param groups groups of group norm, >= 1, must divide every level's channels
 * @param activation relu, leaky_relu or gelu
 */
record RSUNetParams(
        @Default("[28, 36, 48, 64, 80]") List<Integer> channels,
        @Default("[false, false, false, true, true]") List<Boolean> isotropy,
        @Default("batch") Norm norm,
        @Default("4") int groups,
        @Default("relu") Activation activation) {

    public RSUNetParams {
        InvalidValueException.require(channels != null && !channels.isEmpty(), "channels",
                "must list at least one level, e.g. [28, 36, 48, 64, 80]");
        channels = List.copyOf(channels);
        InvalidValueException.require(channels.size() <= 16, "channels", "allows at most 16 levels, got %d",
                channels.size());
        for (int i = 0; i < channels.size(); i++) {
            InvalidValueException.require(channels.get(i) >= 1, "channels", "must be >= 1, got %d at position %d",
                    channels.get(i), i);
        }
        InvalidValueException.require(isotropy != null && isotropy.size() == channels.size(), "isotropy",
                "needs one entry per level of channels (%d), got %s", channels.size(), isotropy);
        isotropy = List.copyOf(isotropy);
        InvalidValueException.require(norm != null, "norm", "must be batch, instance, group or none");
        InvalidValueException.require(activation != null, "activation", "must be relu, leaky_relu or gelu");
        InvalidValueException.require(groups >= 1, "groups", "must be >= 1, got %d", groups);
        for (int i = 0; norm == Norm.GROUP && i < channels.size(); i++) {
            InvalidValueException.require(channels.get(i) % groups == 0, "groups",
                    "must divide the channels of every level for group norm, but %d does not divide %d at position %d",
                    groups, channels.get(i), i);
        }
    }

    public static RSUNetParams defaults() {
        return new RSUNetParams(List.of(28, 36, 48, 64, 80), List.of(false, false, false, true, true), Norm.BATCH, 4,
                Activation.RELU);
    }
}
