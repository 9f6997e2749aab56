package io.pylon.models;

import io.pylon.config.Default;
import io.pylon.config.InvalidValueException;

/**
 * Settings of the {@code resnet} model (see {@link ResNet}).
 *
 * @param depth 18 (stages of 2, 2, 2, 2 basic blocks) or 34 (3, 4, 6, 3)
 * @param stem cifar (3x3 convolution, stride 1, no pooling: for 32x32 images) or imagenet (7x7 stride-2
 *     convolution and 3x3 stride-2 max-pool: a quarter of the resolution before the first stage)
 * @param width channels of the first stage, >= 1; stage {@code s} (0..3) has {@code width * 2^s}
 */
record ResNetParams(
        @Default("18") int depth,
        @Default("cifar") Stem stem,
        @Default("64") int width) {

    /** The layers before the first residual stage. */
    public enum Stem {
        CIFAR, IMAGENET
    }

    public ResNetParams {
        InvalidValueException.require(depth == 18 || depth == 34, "depth", "must be 18 or 34, got %d", depth);
        InvalidValueException.require(stem != null, "stem", "must be cifar or imagenet");
        InvalidValueException.require(width >= 1 && width <= (1 << 24), "width", "must be in [1, 2^24], got %d",
                width);
    }

    public static ResNetParams defaults() {
        return new ResNetParams(18, Stem.CIFAR, 64);
    }

    /** Basic blocks per stage. */
    public int[] blocks() {
        return depth == 18 ? new int[] {2, 2, 2, 2} : new int[] {3, 4, 6, 3};
    }
}
