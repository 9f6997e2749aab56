package io.pylon.data.augment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import io.pylon.config.InvalidValueException;
import io.pylon.data.Sample;
import io.pylon.data.augment.NormalizeIntensity.Mode;

class NormalizeIntensityTest {

    private static NormalizeIntensity zscore(boolean channelWise, List<Double> mean, List<Double> std, boolean nonzero) {
        return new NormalizeIntensity(Mode.ZSCORE, channelWise, mean, std, nonzero, 1, 99);
    }

    @Test
    void zscoreGivesMeanZeroStdOnePerChannel() {
        Sample sample = IntensitySamples.random(1, 3, 8, 9, 10);
        float[] in = sample.input().toFloats();
        for (int c = 0; c < 3; c++) {
            for (int i = 0; i < 720; i++) {
                in[c * 720 + i] = in[c * 720 + i] * (c + 1) * 10 + 50 * c;
            }
        }
        float[] out = IntensitySamples.apply(zscore(true, List.of(), List.of(), false),
                IntensitySamples.of(in, 3, 8, 9, 10), 0);
        for (int c = 0; c < 3; c++) {
            float[] channel = Arrays.copyOfRange(out, c * 720, (c + 1) * 720);
            assertThat(IntensitySamples.mean(channel)).isCloseTo(0, offset(1e-5));
            assertThat(IntensitySamples.std(channel)).isCloseTo(1, offset(1e-5));
        }
    }

    @Test
    void globalZscoreSharesStatisticsAcrossChannels() {
        float[] in = {0, 0, 0, 0, 4, 4, 4, 4};
        float[] out = IntensitySamples.apply(zscore(false, List.of(), List.of(), false),
                IntensitySamples.of(in, 2, 2, 2), 0);
        assertThat(out).containsExactly(-1, -1, -1, -1, 1, 1, 1, 1);
    }

    @Test
    void nonzeroModeLeavesZerosAndNormalisesTheRest() {
        float[] in = {0, 2, 0, 4, 0, 6, 0, 8};
        float[] out = IntensitySamples.apply(zscore(true, List.of(), List.of(), true), IntensitySamples.of(in, 1, 2, 4), 0);
        double std = Math.sqrt(5);
        assertThat(out).containsExactly(new float[] {0, (float) (-3 / std), 0, (float) (-1 / std), 0,
            (float) (1 / std), 0, (float) (3 / std)}, offset(1e-6f));
    }

    @Test
    void fixedMeanAndStdPerChannel() {
        float[] in = {1, 2, 3, 4};
        float[] out = IntensitySamples.apply(zscore(true, List.of(1.0, 3.0), List.of(0.5, 2.0), false),
                IntensitySamples.of(in, 2, 1, 2), 0);
        assertThat(out).containsExactly(0f, 2f, 0f, 0.5f);
    }

    @Test
    void constantChannelIsCentredNotDividedByZero() {
        float[] out = IntensitySamples.apply(zscore(true, List.of(), List.of(), false),
                IntensitySamples.constant(3f, 1, 4, 4), 0);
        assertThat(out).containsOnly(0f);
    }

    @Test
    void percentileClipsAndScalesAKnownRampExactly() {
        // the ramp 0..100 in scrambled order (37 is coprime with 101), so the selection has work to do
        float[] ramp = new float[101];
        for (int i = 0; i <= 100; i++) {
            ramp[i] = (i * 37) % 101;
        }
        float[] out = IntensitySamples.apply(new NormalizeIntensity(Mode.PERCENTILE, true, List.of(), List.of(), false,
                10, 90), IntensitySamples.of(ramp, 1, 1, 101), 0);
        // the 10th and 90th percentiles of 0..100 are 10 and 90: below clips to 0, above to 1, linear between
        for (int i = 0; i <= 100; i++) {
            float expected = Math.min(1f, Math.max(0f, (ramp[i] - 10) / 80f));
            assertThat(out[i]).as("value %s", ramp[i]).isCloseTo(expected, offset(1e-6f));
        }
    }

    @Test
    void percentileInterpolatesBetweenOrderStatisticsLikeNumpy() {
        float[] values = {7, 1, 3, 9, 5};
        // numpy.percentile([1,3,5,7,9], 30) = 3 + 0.2 * (5 - 3) = 3.4 ; 95 -> 7 + 0.8 * 2 = 8.6
        assertThat(IntensityMath.percentile(values.clone(), 5, 30)).isCloseTo(3.4, offset(1e-9));
        assertThat(IntensityMath.percentile(values.clone(), 5, 95)).isCloseTo(8.6, offset(1e-9));
        assertThat(IntensityMath.percentile(values.clone(), 5, 0)).isEqualTo(1);
        assertThat(IntensityMath.percentile(values.clone(), 5, 100)).isEqualTo(9);
        // selection agrees with sorting on arrays with many ties and on distinct values
        SplittableRandom random = new SplittableRandom(8);
        for (int trial = 0; trial < 200; trial++) {
            int n = 1 + random.nextInt(300);
            float[] many = new float[n];
            int distinct = trial % 2 == 0 ? 1 + random.nextInt(5) : 1_000_000;
            for (int i = 0; i < n; i++) {
                many[i] = random.nextInt(distinct);
            }
            float[] sorted = many.clone();
            Arrays.sort(sorted);
            double q = random.nextDouble() * 100;
            double rank = q / 100 * (n - 1);
            int low = (int) rank;
            double expected = low + 1 < n ? sorted[low] + (rank - low) * (sorted[low + 1] - sorted[low]) : sorted[low];
            assertThat(IntensityMath.percentile(many, n, q)).as("trial %d", trial).isCloseTo(expected, offset(1e-6));
        }
    }

    @Test
    void invalidSettingsNameTheirKey() {
        assertThatThrownBy(() -> new NormalizeIntensity(Mode.PERCENTILE, true, List.of(), List.of(), false, 90, 10))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.key()).isEqualTo("upper"));
        assertThatThrownBy(() -> zscore(true, List.of(), List.of(0.0), false))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.key()).isEqualTo("std"));
        assertThatThrownBy(() -> new NormalizeIntensity(Mode.PERCENTILE, true, List.of(1.0), List.of(), false, 1, 99))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.key()).isEqualTo("mean"));
    }

    @Test
    void fixedStatisticsMustMatchTheChannelCount() {
        assertThatThrownBy(() -> zscore(true, List.of(1.0, 2.0), List.of(), false)
                .apply(IntensitySamples.random(1, 3, 4, 4), new SplittableRandom(0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3 channels");
    }
}
