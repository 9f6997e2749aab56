package io.pylon.data.augment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.pylon.data.Sample;

class NoiseTest {

    /** 2^16 values: the sample mean is within ~4 standard errors (sigma / 256) of the truth with certainty. */
    private static final Sample FIVES = IntensitySamples.constant(5f, 1, 256, 256);

    @Test
    void gaussianNoiseHasTheConfiguredMeanAndVariance() {
        float[] out = IntensitySamples.apply(new GaussianNoise(0.5, List.of(0.2), 1), FIVES, 42);
        assertThat(IntensitySamples.mean(out)).isCloseTo(5.5, offset(4 * 0.2 / 256));
        double std = IntensitySamples.std(out);
        assertThat(std * std).isCloseTo(0.04, offset(0.04 * 4 * Math.sqrt(2.0 / 65536)));
    }

    @Test
    void gaussianNoiseStdRangeDrawsOneSigmaPerSample() {
        double low = Double.POSITIVE_INFINITY;
        double high = 0;
        for (long seed = 0; seed < 8; seed++) {
            float[] out = IntensitySamples.apply(new GaussianNoise(0, List.of(0.1, 0.3), 1), FIVES, seed);
            double std = IntensitySamples.std(out);
            assertThat(std).isBetween(0.1 * 0.98, 0.3 * 1.02);
            low = Math.min(low, std);
            high = Math.max(high, std);
        }
        assertThat(high - low).as("different seeds draw different sigmas").isGreaterThan(0.02);
    }

    @Test
    void ricianNoiseOnZerosIsRayleigh() {
        double sigma = 0.3;
        float[] out = IntensitySamples.apply(new RicianNoise(List.of(sigma), 1), IntensitySamples.constant(0f, 1, 256, 256),
                5);
        double rayleighMean = sigma * Math.sqrt(Math.PI / 2);
        double rayleighStd = sigma * Math.sqrt((4 - Math.PI) / 2);
        assertThat(IntensitySamples.mean(out)).isCloseTo(rayleighMean, offset(4 * rayleighStd / 256));
        assertThat(IntensitySamples.std(out)).isCloseTo(rayleighStd, offset(0.01 * sigma));
        for (float v : out) {
            assertThat(v).isGreaterThanOrEqualTo(0f);
        }
    }

    @Test
    void ricianNoiseOnABrightImageIsNearlyGaussian() {
        float[] out = IntensitySamples.apply(new RicianNoise(List.of(0.1), 1), IntensitySamples.constant(50f, 1, 256, 256),
                6);
        // E = sqrt(x^2 + sigma^2) to first order; std ~ sigma
        assertThat(IntensitySamples.mean(out)).isCloseTo(Math.sqrt(2500 + 0.01), offset(0.002));
        assertThat(IntensitySamples.std(out)).isCloseTo(0.1, offset(0.002));
    }

    @Test
    void sameSeedSameNoiseDifferentSeedDifferentNoise() {
        GaussianNoise noise = new GaussianNoise(0, List.of(1.0), 1);
        Sample small = IntensitySamples.constant(0f, 1, 8, 8);
        assertThat(IntensitySamples.apply(noise, small, 3)).containsExactly(IntensitySamples.apply(noise, small, 3));
        assertThat(IntensitySamples.apply(noise, small, 3)).isNotEqualTo(IntensitySamples.apply(noise, small, 4));
    }
}
