package io.pylon.data.augment;

import java.util.List;
import java.util.SplittableRandom;

import io.pylon.config.Default;
import io.pylon.config.InvalidValueException;
import io.pylon.data.Sample;
import io.pylon.data.transform.Transform;

/**
 * {@code gamma}: with probability {@code p}, a random contrast (gamma) change like MONAI
 * {@code RandAdjustContrast}: per channel, with {@code lo, hi} the channel's minimum and maximum,
 * <pre>
 *   x' = ((x - lo) / (hi - lo))^gamma * (hi - lo) + lo
 * </pre>
 * so the minimum and maximum are kept and the mapping is monotonic; gamma = 1 is the identity. One gamma is
 * drawn for the sample (uniform in the range) and used for every channel; a constant channel is left alone.
 * With {@code retain_stats} each channel is then shifted and scaled back to its original mean and std.
 *
 * @param gamma one exponent [g] or a [min, max] range, all &gt; 0
 * @param retainStats restore each channel's mean and standard deviation afterwards
 * @param p probability of applying, in [0, 1]
 */
record Gamma(@Default("[0.7, 1.5]") List<Double> gamma, @Default("false") boolean retainStats,
             @Default("1.0") double p) implements Transform {

    public Gamma {
        gamma = IntensityMath.requireValueOrRange(gamma, "gamma", 0);
        InvalidValueException.require(gamma.getFirst() > 0, "gamma", "must be > 0, got %s", gamma);
        IntensityMath.requireProbability(p, "p");
    }

    @Override
    public Sample apply(Sample sample, SplittableRandom random) {
        if (!IntensityMath.applies(p, random)) {
            return IntensityMath.asFloat32(sample);
        }
        double g = IntensityMath.draw(gamma, random);
        int[] dims = IntensityMath.channelShape(sample, "gamma");
        float[] values = sample.input().toFloats();
        int n = IntensityMath.voxels(dims);
        for (int c = 0; c < dims[0]; c++) {
            adjust(values, c * n, n, g);
        }
        return IntensityMath.withValues(sample, values);
    }

    private void adjust(float[] values, int from, int length, double g) {
        float[] range = IntensityMath.minMax(values, from, length);
        double lo = range[0];
        double span = (double) range[1] - lo;
        if (!(span > 0) || g == 1) {
            return;
        }
        double[] before = retainStats ? IntensityMath.meanStd(values, from, length) : null;
        double inverse = 1 / span;
        for (int i = from; i < from + length; i++) {
            values[i] = (float) (Math.pow((values[i] - lo) * inverse, g) * span + lo);
        }
        if (retainStats) {
            double[] after = IntensityMath.meanStd(values, from, length);
            double scale = after[1] > 0 ? before[1] / after[1] : 1;
            for (int i = from; i < from + length; i++) {
                values[i] = (float) ((values[i] - after[0]) * scale + before[0]);
            }
        }
    }
}
