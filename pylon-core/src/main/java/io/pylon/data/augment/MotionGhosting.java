package io.pylon.data.augment;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import io.pylon.config.Default;
import io.pylon.config.InvalidValueException;
import io.pylon.data.Sample;
import io.pylon.data.transform.Transform;

/**
 * {@code motion_ghosting}: with probability {@code p}, the MR ghosting artifact of periodic motion, after
 * TorchIO {@code RandomGhosting}. Per channel: Fourier transform, then in the centred (fft-shifted) k-space
 * every {@code n}-th plane across the chosen spatial {@code axis} (shifted indices 0, n, 2n, ...) is multiplied
 * by {@code intensity}, except the centre plane (the DC term, so the mean is kept), then the inverse transform
 * and its magnitude {@code |x'|} (or its real part with {@code magnitude: false}, TorchIO's choice, which keeps
 * the sign of normalised inputs). Per sample: {@code n} is drawn uniformly from the integers in
 * {@code num_ghosts}, the axis from {@code axes} (spatial axes, 0 = first spatial dimension; a 2D sample only
 * uses axes 0 and 1) and the intensity uniformly from its range.
 *
 * <p>Unlike TorchIO's {@code intensity} s (planes scaled by 1 - s), this {@code intensity} is the k-space
 * factor itself: 1 leaves the image unchanged, 0 removes the planes. Because the scaling depends on one
 * frequency axis only, the full n-D transform reduces exactly to 1D transforms along that axis
 * ({@link LineFft}: radix-2, Bluestein for other lengths).
 *
 * @param numGhosts [min, max] integer range of the plane spacing n, min &gt;= 0 (0 leaves the image as it is)
 * @param axes spatial axes to choose from, each in {0, 1, 2}
 * @param intensity [min, max] range of the k-space factor, min &gt;= 0
 * @param magnitude output the magnitude (true) or the real part (false) of the inverse transform
 * @param p probability of applying, in [0, 1]
 */
record MotionGhosting(@Default("[4, 10]") List<Integer> numGhosts, @Default("[0, 1, 2]") List<Integer> axes,
                      @Default("[0.0, 0.5]") List<Double> intensity, @Default("true") boolean magnitude,
                      @Default("1.0") double p) implements Transform {

    public MotionGhosting {
        numGhosts = List.copyOf(numGhosts);
        axes = List.copyOf(axes);
        InvalidValueException.require(numGhosts.size() == 2 && numGhosts.get(0) >= 0
                && numGhosts.get(0) <= numGhosts.get(1), "num_ghosts",
                "must be a [min, max] pair of integers with 0 <= min <= max, got %s", numGhosts);
        InvalidValueException.require(!axes.isEmpty() && axes.stream().allMatch(a -> a >= 0 && a <= 2), "axes",
                "must list spatial axes in {0, 1, 2}, got %s", axes);
        intensity = IntensityMath.requireRange(intensity, "intensity", 0);
        IntensityMath.requireProbability(p, "p");
    }

    @Override
    public Sample apply(Sample sample, SplittableRandom random) {
        if (!IntensityMath.applies(p, random)) {
            return IntensityMath.asFloat32(sample);
        }
        int[] dims = IntensityMath.imageShape(sample, "motion_ghosting");
        int spatial = dims.length - 1;
        List<Integer> usable = axes.stream().filter(a -> a < spatial).toList();
        if (usable.isEmpty()) {
            throw new IllegalArgumentException("sample " + sample.index() + ": motion_ghosting axes " + axes
                    + " name no axis of a sample with " + spatial + " spatial dimensions");
        }
        int ghosts = random.nextInt(numGhosts.get(0), numGhosts.get(1) + 1);
        int axis = usable.get(random.nextInt(usable.size()));
        double factor = IntensityMath.draw(intensity, random);
        float[] values = sample.input().toFloats();
        if (ghosts > 0) {
            ghost(values, dims, axis + 1, ghosts, factor, magnitude);
        }
        return IntensityMath.withValues(sample, values);
    }

    /** Applies the k-space scaling along {@code axis} of {@code dims} to every line, in place. */
    static void ghost(float[] values, int[] dims, int axis, int ghosts, double factor, boolean magnitude) {
        int n = dims[axis];
        double[] scale = planeFactors(n, ghosts, factor);
        int stride = IntensityMath.stride(dims, axis);
        int outer = values.length / (n * stride);
        LineFft fft = new LineFft(n);
        double[] re = new double[n];
        double[] im = new double[n];
        for (int o = 0; o < outer; o++) {
            for (int inner = 0; inner < stride; inner++) {
                int base = o * n * stride + inner;
                for (int t = 0; t < n; t++) {
                    re[t] = values[base + t * stride];
                    im[t] = 0;
                }
                fft.forward(re, im);
                for (int f = 0; f < n; f++) {
                    re[f] *= scale[f];
                    im[f] *= scale[f];
                }
                fft.inverse(re, im);
                for (int t = 0; t < n; t++) {
                    double out = magnitude ? Math.sqrt(re[t] * re[t] + im[t] * im[t]) : re[t];
                    values[base + t * stride] = (float) out;
                }
            }
        }
    }

    /**
     * Factor per unshifted frequency f: shifted index s holds frequency (s - n/2) mod n, and the planes at
     * s = 0, g, 2g, ... get {@code factor}, except frequency 0.
     */
    static double[] planeFactors(int n, int ghosts, double factor) {
        double[] scale = new double[n];
        Arrays.fill(scale, 1.0);
        for (int s = 0; s < n; s += ghosts) {
            int f = Math.floorMod(s - n / 2, n);
            if (f != 0) {
                scale[f] = factor;
            }
        }
        return scale;
    }
}
