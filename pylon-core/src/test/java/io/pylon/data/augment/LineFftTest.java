package io.pylon.data.augment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LineFftTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8, 12, 15, 16, 17, 31, 64, 100, 127, 128})
    void forwardMatchesTheDirectDft(int n) {
        SplittableRandom random = new SplittableRandom(n);
        double[] re = new double[n];
        double[] im = new double[n];
        for (int t = 0; t < n; t++) {
            re[t] = random.nextDouble() - 0.5;
            im[t] = random.nextDouble() - 0.5;
        }
        double[] expectedRe = new double[n];
        double[] expectedIm = new double[n];
        for (int f = 0; f < n; f++) {
            for (int t = 0; t < n; t++) {
                double angle = -2 * Math.PI * ((long) f * t % n) / n;
                expectedRe[f] += re[t] * Math.cos(angle) - im[t] * Math.sin(angle);
                expectedIm[f] += re[t] * Math.sin(angle) + im[t] * Math.cos(angle);
            }
        }
        new LineFft(n).forward(re, im);
        for (int f = 0; f < n; f++) {
            assertThat(re[f]).as("re %d of %d", f, n).isCloseTo(expectedRe[f], offset(1e-9));
            assertThat(im[f]).as("im %d of %d", f, n).isCloseTo(expectedIm[f], offset(1e-9));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 9, 32, 60, 64, 97})
    void inverseUndoesForward(int n) {
        SplittableRandom random = new SplittableRandom(3 * n);
        double[] re = new double[n];
        double[] im = new double[n];
        for (int t = 0; t < n; t++) {
            re[t] = random.nextDouble() * 10;
        }
        double[] original = re.clone();
        LineFft fft = new LineFft(n);
        fft.forward(re, im);
        fft.inverse(re, im);
        for (int t = 0; t < n; t++) {
            assertThat(re[t]).isCloseTo(original[t], offset(1e-10));
            assertThat(im[t]).isCloseTo(0.0, offset(1e-10));
        }
    }
}
