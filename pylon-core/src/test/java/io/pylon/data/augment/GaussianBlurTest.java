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

class GaussianBlurTest {

    private static GaussianBlur fixed(double... sigma) {
        return new GaussianBlur(Arrays.stream(sigma).boxed().toList(), List.of(), 4, 1);
    }

    @Test
    void kernelMatchesAHandComputedOne() {
        // sigma 1, truncate 2: radius 2, weights exp(-x^2 / 2) / (1 + 2 e^-0.5 + 2 e^-2)
        float[] w = GaussianBlur.kernel(1, 2);
        double sum = 1 + 2 * Math.exp(-0.5) + 2 * Math.exp(-2);
        assertThat(w).containsExactly(new float[] {(float) (Math.exp(-2) / sum), (float) (Math.exp(-0.5) / sum),
            (float) (1 / sum), (float) (Math.exp(-0.5) / sum), (float) (Math.exp(-2) / sum)}, offset(1e-7f));
        assertThat(w[2]).isCloseTo(0.402620f, offset(1e-6f));
        assertThat(GaussianBlur.kernel(1.5, 4)).hasSize(2 * 6 + 1);
    }

    @Test
    void blurOfAnImpulseIsTheKernelAndBordersReflect() {
        float[] line = new float[11];
        line[5] = 1;
        GaussianBlur blur = new GaussianBlur(List.of(1.0), List.of(), 2, 1);
        float[] out = IntensitySamples.apply(blur, IntensitySamples.of(line, 1, 1, 11), 0);
        float[] w = GaussianBlur.kernel(1, 2);
        for (int i = 0; i < 11; i++) {
            float expected = Math.abs(i - 5) <= 2 ? w[i - 3] : 0f;
            assertThat(out[i]).as("position %d", i).isCloseTo(expected, offset(1e-7f));
        }
        // scipy 'reflect' (d c b a | a b c d): at the border x[-1] = x[0], x[-2] = x[1]
        float[] edge = new float[11];
        edge[0] = 1;
        float[] atEdge = IntensitySamples.apply(blur, IntensitySamples.of(edge, 1, 1, 11), 0);
        assertThat(atEdge[0]).isCloseTo(w[2] + w[1], offset(1e-7f));
        assertThat(atEdge[1]).isCloseTo(w[1] + w[0], offset(1e-7f));
        assertThat(GaussianBlur.reflect(-1, 4)).isEqualTo(0);
        assertThat(GaussianBlur.reflect(-3, 4)).isEqualTo(2);
        assertThat(GaussianBlur.reflect(4, 4)).isEqualTo(3);
        assertThat(GaussianBlur.reflect(9, 4)).isEqualTo(1);
    }

    @Test
    void blurKeepsConstantsAndTheSumOfAnImpulse() {
        float[] constant = IntensitySamples.apply(fixed(1.5, 0.8, 2.5),
                IntensitySamples.constant(3.25f, 2, 8, 9, 10), 0);
        for (float v : constant) {
            assertThat(v).isCloseTo(3.25f, offset(1e-5f));
        }
        float[] impulse = new float[33 * 33];
        impulse[16 * 33 + 16] = 10;
        float[] out = IntensitySamples.apply(fixed(2), IntensitySamples.of(impulse, 1, 33, 33), 0);
        assertThat(IntensitySamples.mean(out) * out.length).isCloseTo(10, offset(1e-4));
        // separable: the 2D response is the outer product of the 1D kernel
        float[] w = GaussianBlur.kernel(2, 4);
        int r = w.length / 2;
        for (int dy = -3; dy <= 3; dy++) {
            for (int dx = -3; dx <= 3; dx++) {
                assertThat(out[(16 + dy) * 33 + 16 + dx]).isCloseTo(10 * w[r + dy] * w[r + dx], offset(1e-6f));
            }
        }
    }

    @Test
    void tinySigmaIsIdentity() {
        Sample sample = IntensitySamples.random(3, 2, 5, 6, 7);
        float[] out = IntensitySamples.apply(fixed(1e-3), sample, 0);
        assertThat(out).containsExactly(sample.input().toFloats(), offset(1e-6f));
    }

    @Test
    void sigmaRangeIsRandomPerSampleAndFixedSigmaIsDeterministic() {
        GaussianBlur random = new GaussianBlur(List.of(0.5), List.of(3.0), 4, 1);
        assertThat(random.isRandom()).isTrue();
        assertThat(fixed(1).isRandom()).isFalse();
        Sample sample = IntensitySamples.random(4, 1, 16, 16);
        assertThat(IntensitySamples.apply(random, sample, 1)).containsExactly(IntensitySamples.apply(random, sample, 1));
        assertThat(IntensitySamples.apply(random, sample, 1)).isNotEqualTo(IntensitySamples.apply(random, sample, 2));
        // more blur, less variance
        float[] weak = IntensitySamples.apply(fixed(0.5), sample, 0);
        float[] strong = IntensitySamples.apply(fixed(3), sample, 0);
        assertThat(IntensitySamples.std(strong)).isLessThan(IntensitySamples.std(weak));
    }

    @Test
    void sigmasPerAxisMustMatchTheSample() {
        assertThatThrownBy(() -> fixed(1, 2).apply(IntensitySamples.random(1, 1, 4, 4, 4), new SplittableRandom(0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3 spatial axes");
        assertThatThrownBy(() -> fixed(0)).isInstanceOfSatisfying(InvalidValueException.class,
                e -> assertThat(e.key()).isEqualTo("sigma"));
        assertThatThrownBy(() -> new GaussianBlur(List.of(1.0), List.of(0.5), 4, 1))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.key()).isEqualTo("sigma_max"));
    }
}
