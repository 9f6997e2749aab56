package io.pylon.data.augment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.pylon.data.Sample;

class BiasFieldTest {

    @Test
    void zeroCoefficientsAreIdentity() {
        Sample sample = IntensitySamples.random(1, 2, 6, 7, 8);
        float[] out = IntensitySamples.apply(new BiasField(3, List.of(0.0, 0.0), 1), sample, 5);
        assertThat(out).containsExactly(sample.input().toFloats());
    }

    @Test
    void fieldIsPositiveAndItsLogIsAPolynomialOfTheDegreeAlongEveryAxis() {
        int n = 16;
        float[] out = IntensitySamples.apply(new BiasField(3, List.of(-0.5, 0.5), 1),
                IntensitySamples.constant(1f, 1, n, n, n), 9);
        double[] log = new double[out.length];
        for (int i = 0; i < out.length; i++) {
            assertThat(out[i]).isPositive();
            log[i] = Math.log(out[i]);
        }
        // a cubic has vanishing 4th differences: the field has no structure finer than the degree allows
        int[] strides = {n * n, n, 1};
        double largestFirst = 0;
        for (int stride : strides) {
            for (int z = 0; z < n; z++) {
                for (int y = 0; y < n; y++) {
                    int base = stride == 1 ? (z * n + y) * n : stride == n ? z * n * n + y : z * n + y;
                    for (int t = 0; t + 4 < n; t++) {
                        double[] v = new double[5];
                        for (int k = 0; k < 5; k++) {
                            v[k] = log[base + (t + k) * stride];
                        }
                        double fourth = v[0] - 4 * v[1] + 6 * v[2] - 4 * v[3] + v[4];
                        assertThat(fourth).isCloseTo(0, offset(2e-5));
                        largestFirst = Math.max(largestFirst, Math.abs(v[1] - v[0]));
                    }
                }
            }
        }
        assertThat(largestFirst).as("the field does vary").isGreaterThan(1e-3);
    }

    @Test
    void allChannelsShareOneFieldIn2d() {
        Sample sample = IntensitySamples.random(2, 3, 12, 10);
        float[] in = sample.input().toFloats();
        float[] out = IntensitySamples.apply(new BiasField(2, List.of(-0.3, 0.3), 1), sample, 4);
        for (int i = 0; i < 120; i++) {
            double field = out[i] / (double) in[i];
            assertThat(field).isPositive();
            assertThat(out[120 + i] / (double) in[120 + i]).isCloseTo(field, offset(1e-5));
            assertThat(out[240 + i] / (double) in[240 + i]).isCloseTo(field, offset(1e-5));
        }
    }

    @Test
    void degreeZeroIsAGlobalFactorInTheRange() {
        float[] out = IntensitySamples.apply(new BiasField(0, List.of(0.2, 0.4), 1),
                IntensitySamples.constant(2f, 1, 4, 5, 6), 3);
        double factor = out[0] / 2.0;
        assertThat(factor).isBetween(Math.exp(0.2), Math.exp(0.4));
        assertThat(out).containsOnly(out[0]);
    }

    @Test
    void legendrePolynomialsMatchTheirClosedForms() {
        double[][] p = BiasField.legendre(3, 5);
        double[] t = {-1, -0.5, 0, 0.5, 1};
        for (int m = 0; m < 5; m++) {
            assertThat(p[0][m]).isEqualTo(1);
            assertThat(p[1][m]).isCloseTo(t[m], offset(1e-12));
            assertThat(p[2][m]).isCloseTo((3 * t[m] * t[m] - 1) / 2, offset(1e-12));
            assertThat(p[3][m]).isCloseTo((5 * t[m] * t[m] * t[m] - 3 * t[m]) / 2, offset(1e-12));
        }
    }
}
