package io.pylon.data.synth;

import java.util.List;

import io.pylon.config.InvalidValueException;

/**
 * What {@link SyntheticSegmentation} generates.
 *
 * @param shape spatial size {@code [D, H, W]} (3D) or {@code [H, W]} (2D) of every case, each side >= 8
 * @param spacing voxel sizes in millimetres, one per spatial axis (anisotropic by default: thicker slices)
 * @param classes foreground classes K >= 1 (labels 1..K; 0 is background)
 * @param blobsPerClass ellipsoids painted per foreground class, >= 1
 * @param noise standard deviation of the additive Gaussian noise, relative to the class intensity step, >= 0
 * @param biasField peak amplitude of the multiplicative bias field, in [0, 0.9] (0.2 = intensities vary +-20%)
 * @param seed every case {@code i} draws from a stream seeded by {@code (seed, i)}
 */
public record SynthParams(List<Integer> shape, List<Double> spacing, int classes, int blobsPerClass, double noise,
        double biasField, long seed) {

    public SynthParams {
        shape = List.copyOf(shape);
        spacing = List.copyOf(spacing);
        InvalidValueException.require(shape.size() == 2 || shape.size() == 3, "shape",
                "must be [H, W] or [D, H, W], got %s", shape);
        InvalidValueException.require(shape.stream().allMatch(s -> s >= 8 && s <= 4096), "shape",
                "sides must be in [8, 4096], got %s", shape);
        InvalidValueException.require(spacing.size() == shape.size(), "spacing",
                "needs one voxel size per axis of shape %s, got %s", shape, spacing);
        InvalidValueException.require(spacing.stream().allMatch(s -> s > 0 && Double.isFinite(s)), "spacing",
                "voxel sizes must be positive, got %s", spacing);
        InvalidValueException.require(classes >= 1 && classes <= 254, "classes", "must be in [1, 254], got %d",
                classes);
        InvalidValueException.require(blobsPerClass >= 1, "blobs_per_class", "must be >= 1, got %d", blobsPerClass);
        InvalidValueException.require(noise >= 0 && Double.isFinite(noise), "noise", "must be >= 0, got %s", noise);
        InvalidValueException.require(biasField >= 0 && biasField <= 0.9, "bias_field",
                "must be in [0, 0.9], got %s", biasField);
    }

    /** The 3D default: 32 x 64 x 64 voxels of 2 x 1 x 1 mm, three classes. */
    public static SynthParams volumes(long seed) {
        return new SynthParams(List.of(32, 64, 64), List.of(2.0, 1.0, 1.0), 3, 2, 0.25, 0.2, seed);
    }

    int dims() {
        return shape.size();
    }

    long voxels() {
        long n = 1;
        for (int s : shape) {
            n *= s;
        }
        return n;
    }
}
