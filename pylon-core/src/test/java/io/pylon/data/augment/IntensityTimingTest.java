package io.pylon.data.augment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import io.pylon.data.Sample;
import io.pylon.data.transform.Transform;

/**
 * Prints the cost of the heavier transforms on one 64^3 single-channel volume (informational, not asserted:
 * timings depend on the machine). Run alone with {@code -Dtest=IntensityTimingTest}.
 */
class IntensityTimingTest {

    @Test
    void printsMillisecondsPer64CubedSample() {
        Sample volume = IntensitySamples.random(1, 1, 64, 64, 64);
        List<Transform> transforms = List.of(
                new GaussianNoise(0, List.of(0.1), 1),
                new GaussianBlur(List.of(1.0), List.of(), 4, 1),
                new BiasField(3, List.of(-0.3, 0.3), 1),
                new MotionGhosting(List.of(4, 10), List.of(0, 1, 2), List.of(0.0, 0.5), true, 1),
                new RicianNoise(List.of(0.1), 1),
                new Gamma(List.of(0.7, 1.5), false, 1),
                new NormalizeIntensity(NormalizeIntensity.Mode.PERCENTILE, true, List.of(), List.of(), false, 1, 99),
                new Clahe(List.of(8, 8), 0.01, 256));
        for (Transform transform : transforms) {
            double ms = millisPerSample(transform, volume);
            System.out.printf(Locale.ROOT, "%-18s %7.2f ms per 64^3 sample%n", transform.getClass().getSimpleName(), ms);
            assertThat(ms).isPositive();
        }
    }

    private static double millisPerSample(Transform transform, Sample sample) {
        for (int i = 0; i < 20; i++) {
            transform.apply(sample, new SplittableRandom(i));
        }
        int runs = 20;
        long start = System.nanoTime();
        for (int i = 0; i < runs; i++) {
            transform.apply(sample, new SplittableRandom(100 + i));
        }
        return (System.nanoTime() - start) / 1e6 / runs;
    }
}
