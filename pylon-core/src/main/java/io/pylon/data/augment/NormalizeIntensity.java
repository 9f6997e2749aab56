package io.pylon.data.augment;

import java.util.List;
import java.util.SplittableRandom;

import io.pylon.config.Default;
import io.pylon.config.InvalidValueException;
import io.pylon.data.Sample;
import io.pylon.data.transform.Transform;

/**
 * {@code normalize}: deterministic intensity normalisation, per channel ({@code channel_wise: true}) or over
 * the whole input.
 * <ul>
 *   <li>{@code zscore}: {@code x' = (x - mean) / std}, with {@code mean} and {@code std} the given values (one
 *   for all channels, or one per channel) or else computed from the sample (population std). With
 *   {@code nonzero: true} the statistics are taken over the nonzero values only and zeros stay zero, like MONAI
 *   {@code NormalizeIntensity(nonzero=True)}. A computed std of 0 is replaced by 1 (the values are only
 *   centred).</li>
 *   <li>{@code percentile}: clips to the {@code [lower, upper]} percentiles (linear interpolation between order
 *   statistics, NumPy's default) and maps that interval to [0, 1], like MONAI
 *   {@code ScaleIntensityRangePercentiles(lower, upper, 0, 1, clip=True)}; a channel whose two percentiles are
 *   equal becomes 0. With {@code nonzero: true} the percentiles are taken over the nonzero values.</li>
 * </ul>
 *
 * @param mode {@code zscore} or {@code percentile}
 * @param channelWise statistics per channel (true) or over all channels together (false)
 * @param mean zscore: fixed means (empty: computed), one value or one per channel (checked when applied)
 * @param std zscore: fixed standard deviations &gt; 0 (empty: computed), one value or one per channel
 * @param nonzero statistics over nonzero values only; zscore leaves zeros at zero
 * @param lower percentile: lower percentile in [0, 100)
 * @param upper percentile: upper percentile in (lower, 100]
 */
public record NormalizeIntensity(
        @Default("zscore") Mode mode,
        @Default("true") boolean channelWise,
        @Default("[]") List<Double> mean,
        @Default("[]") List<Double> std,
        @Default("false") boolean nonzero,
        @Default("1.0") double lower,
        @Default("99.0") double upper) implements Transform {

    /** How values are normalised. */
    public enum Mode {
        ZSCORE,
        PERCENTILE
    }

    public NormalizeIntensity {
        mean = List.copyOf(mean);
        std = List.copyOf(std);
        for (Double m : mean) {
            InvalidValueException.require(Double.isFinite(m), "mean", "must be finite numbers, got %s", mean);
        }
        for (Double s : std) {
            InvalidValueException.require(Double.isFinite(s) && s > 0, "std", "must be finite and > 0, got %s", std);
        }
        InvalidValueException.require(mode == Mode.ZSCORE || mean.isEmpty(), "mean",
                "applies to mode zscore only, got %s with mode percentile", mean);
        InvalidValueException.require(mode == Mode.ZSCORE || std.isEmpty(), "std",
                "applies to mode zscore only, got %s with mode percentile", std);
        InvalidValueException.require(lower >= 0 && lower < 100, "lower", "must be in [0, 100), got %s", lower);
        InvalidValueException.require(upper > lower && upper <= 100, "upper",
                "must be in (lower, 100] (lower = %s), got %s", lower, upper);
    }

    @Override
    public Sample apply(Sample sample, SplittableRandom random) {
        int[] dims = IntensityMath.channelShape(sample, "normalize");
        float[] values = sample.input().toFloats();
        int groups = channelWise ? dims[0] : 1;
        int length = values.length / Math.max(groups, 1);
        for (List<Double> fixed : List.of(mean, std)) {
            if (fixed.size() > 1 && fixed.size() != groups) {
                throw new IllegalArgumentException("sample " + sample.index() + ": normalize has " + fixed.size()
                        + " fixed means/stds but the input has " + groups + (channelWise ? " channels" : " group")
                        + "; give one value or one per channel");
            }
        }
        float[] scratch = mode == Mode.PERCENTILE ? new float[length] : null;
        for (int g = 0; g < groups; g++) {
            if (mode == Mode.ZSCORE) {
                zscore(values, g * length, length, g);
            } else {
                percentile(values, g * length, length, scratch);
            }
        }
        return IntensityMath.withValues(sample, values);
    }

    private void zscore(float[] values, int from, int length, int group) {
        double m = mean.isEmpty() ? 0 : mean.get(mean.size() == 1 ? 0 : group);
        double s = std.isEmpty() ? 1 : std.get(std.size() == 1 ? 0 : group);
        if (mean.isEmpty() || std.isEmpty()) {
            double[] stats = statistics(values, from, length);
            if (stats == null) {
                return;
            }
            m = mean.isEmpty() ? stats[0] : m;
            s = std.isEmpty() ? (stats[1] == 0 ? 1 : stats[1]) : s;
        }
        double inverse = 1 / s;
        for (int i = from; i < from + length; i++) {
            if (!nonzero || values[i] != 0) {
                values[i] = (float) ((values[i] - m) * inverse);
            }
        }
    }

    /** {mean, std} over the group (its nonzero values with {@code nonzero}); null when there are none. */
    private double[] statistics(float[] values, int from, int length) {
        if (nonzero) {
            double sum = 0;
            int count = 0;
            for (int i = from; i < from + length; i++) {
                if (values[i] != 0) {
                    sum += values[i];
                    count++;
                }
            }
            if (count == 0) {
                return null;
            }
            double m = sum / count;
            double squares = 0;
            for (int i = from; i < from + length; i++) {
                if (values[i] != 0) {
                    double d = values[i] - m;
                    squares += d * d;
                }
            }
            return new double[] {m, Math.sqrt(squares / count)};
        }
        return length == 0 ? null : IntensityMath.meanStd(values, from, length);
    }

    private void percentile(float[] values, int from, int length, float[] scratch) {
        int n = 0;
        for (int i = from; i < from + length; i++) {
            if (!nonzero || values[i] != 0) {
                scratch[n++] = values[i];
            }
        }
        if (n == 0) {
            return;
        }
        double low = IntensityMath.percentile(scratch, n, lower);
        double high = IntensityMath.percentile(scratch, n, upper);
        double range = high - low;
        for (int i = from; i < from + length; i++) {
            double clipped = Math.min(Math.max(values[i], low), high);
            values[i] = range > 0 ? (float) ((clipped - low) / range) : 0f;
        }
    }

    @Override
    public boolean isRandom() {
        return false;
    }
}
