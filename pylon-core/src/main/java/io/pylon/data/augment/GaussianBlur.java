package io.pylon.data.augment;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import io.pylon.config.Default;
import io.pylon.config.InvalidValueException;
import io.pylon.data.Sample;
import io.pylon.data.transform.Transform;

/**
 * {@code gaussian_blur}: separable Gaussian smoothing of every channel along each spatial axis, like
 * {@code scipy.ndimage.gaussian_filter}: the 1D kernel {@code w(x) ~ exp(-x^2 / (2 sigma^2))} for
 * {@code |x| <= r = floor(truncate * sigma + 0.5)}, normalised to sum 1, with {@code reflect} borders
 * ({@code d c b a | a b c d | d c b a}), so constants are kept exactly and sums are kept away from borders.
 *
 * <p>{@code sigma} holds one value for all spatial axes or one per axis (checked against the sample). Without
 * {@code sigma_max} the blur is fixed (deterministic when {@code p = 1}); with it, each axis draws its sigma
 * uniformly from {@code [sigma, sigma_max]} independently, per sample.
 *
 * @param sigma standard deviations in voxels, &gt; 0: one value or one per spatial axis
 * @param sigmaMax empty for a fixed sigma, else the upper ends of the ranges (same length as {@code sigma})
 * @param truncate kernel radius in sigmas, &gt; 0
 * @param p probability of applying, in [0, 1]
 */
record GaussianBlur(@Default("[1.0]") List<Double> sigma, @Default("[]") List<Double> sigmaMax,
                    @Default("4.0") double truncate, @Default("1.0") double p) implements Transform {

    public GaussianBlur {
        sigma = List.copyOf(sigma);
        sigmaMax = List.copyOf(sigmaMax);
        InvalidValueException.require(!sigma.isEmpty() && sigma.size() <= 3, "sigma",
                "must hold one value or one per spatial axis, got %s", sigma);
        for (double s : sigma) {
            InvalidValueException.require(Double.isFinite(s) && s > 0, "sigma", "must be finite and > 0, got %s",
                    sigma);
        }
        InvalidValueException.require(sigmaMax.isEmpty() || sigmaMax.size() == sigma.size(), "sigma_max",
                "must be empty or have as many values as sigma %s, got %s", sigma, sigmaMax);
        for (int i = 0; i < sigmaMax.size(); i++) {
            InvalidValueException.require(Double.isFinite(sigmaMax.get(i)) && sigmaMax.get(i) >= sigma.get(i),
                    "sigma_max", "must be finite and >= sigma %s, got %s", sigma, sigmaMax);
        }
        InvalidValueException.require(Double.isFinite(truncate) && truncate > 0, "truncate",
                "must be finite and > 0, got %s", truncate);
        IntensityMath.requireProbability(p, "p");
    }

    @Override
    public Sample apply(Sample sample, SplittableRandom random) {
        if (!IntensityMath.applies(p, random)) {
            return IntensityMath.asFloat32(sample);
        }
        int[] dims = IntensityMath.imageShape(sample, "gaussian_blur");
        int spatial = dims.length - 1;
        if (sigma.size() != 1 && sigma.size() != spatial) {
            throw new IllegalArgumentException("sample " + sample.index() + ": gaussian_blur has " + sigma.size()
                    + " sigmas for a sample with " + spatial + " spatial axes; give one or " + spatial);
        }
        float[] source = sample.input().toFloats();
        float[] target = new float[source.length];
        for (int axis = 0; axis < spatial; axis++) {
            int k = sigma.size() == 1 ? 0 : axis;
            double s = sigma.get(k);
            if (!sigmaMax.isEmpty()) {
                s += (sigmaMax.get(k) - s) * random.nextDouble();
            }
            convolve(source, target, dims, axis + 1, kernel(s, truncate));
            float[] swap = source;
            source = target;
            target = swap;
        }
        return IntensityMath.withValues(sample, source);
    }

    /** The normalised kernel {@code w[-r..r]} (stored from index 0) of scipy's {@code gaussian_filter1d}. */
    static float[] kernel(double sigma, double truncate) {
        int radius = (int) (truncate * sigma + 0.5);
        double[] w = new double[2 * radius + 1];
        double sum = 0;
        for (int x = -radius; x <= radius; x++) {
            w[x + radius] = Math.exp(-0.5 * x * x / (sigma * sigma));
            sum += w[x + radius];
        }
        float[] out = new float[w.length];
        for (int i = 0; i < w.length; i++) {
            out[i] = (float) (w[i] / sum);
        }
        return out;
    }

    /** Index of padded position {@code i} (from {@code -r}) under scipy's {@code reflect} mode. */
    static int reflect(int i, int n) {
        int period = 2 * n;
        int j = Math.floorMod(i, period);
        return j < n ? j : period - 1 - j;
    }

    /** {@code target = source * w} along {@code axis} of {@code dims}; every element of target is written. */
    private static void convolve(float[] source, float[] target, int[] dims, int axis, float[] w) {
        int n = dims[axis];
        int radius = w.length / 2;
        int stride = IntensityMath.stride(dims, axis);
        int outer = source.length / (n * stride);
        int[] index = new int[n + 2 * radius];
        for (int i = 0; i < index.length; i++) {
            index[i] = reflect(i - radius, n);
        }
        for (int o = 0; o < outer; o++) {
            int base = o * n * stride;
            if (stride == 1) {
                for (int k = 0; k < n; k++) {
                    float sum = 0;
                    for (int j = 0; j < w.length; j++) {
                        sum += w[j] * source[base + index[k + j]];
                    }
                    target[base + k] = sum;
                }
                continue;
            }
            // whole rows at a time: contiguous inner loops over the faster axes
            for (int k = 0; k < n; k++) {
                int row = base + k * stride;
                Arrays.fill(target, row, row + stride, 0f);
                for (int j = 0; j < w.length; j++) {
                    float weight = w[j];
                    int from = base + index[k + j] * stride;
                    for (int i = 0; i < stride; i++) {
                        target[row + i] += weight * source[from + i];
                    }
                }
            }
        }
    }

    @Override
    public boolean isRandom() {
        return !sigmaMax.isEmpty() || p < 1;
    }
}
