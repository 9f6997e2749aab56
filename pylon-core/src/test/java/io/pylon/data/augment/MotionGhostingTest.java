package io.pylon.data.augment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import io.pylon.data.Sample;

class MotionGhostingTest {

    @Test
    void intensityOneLeavesTheImageUnchanged() {
        // 15 and 20 are not powers of two: Bluestein's path; 16 is radix-2
        Sample volume = IntensitySamples.random(1, 2, 12, 20, 15);
        Sample image = IntensitySamples.random(2, 1, 16, 20);
        MotionGhosting neutral = new MotionGhosting(List.of(2, 6), List.of(0, 1, 2), List.of(1.0, 1.0), true, 1);
        for (long seed = 0; seed < 6; seed++) {
            assertThat(IntensitySamples.apply(neutral, volume, seed)).containsExactly(volume.input().toFloats(),
                    offset(1e-4f));
            assertThat(IntensitySamples.apply(neutral, image, seed)).containsExactly(image.input().toFloats(),
                    offset(1e-4f));
        }
    }

    @Test
    void selectsEveryNthPlaneOfTheShiftedSpectrumExceptTheCentre() {
        // n = 8: shifted index s holds frequency (s - 4) mod 8; s = 0, 2, 4, 6 -> f = 4, 6, 0 (kept), 2
        assertThat(MotionGhosting.planeFactors(8, 2, 0.25)).containsExactly(1, 1, 0.25, 1, 0.25, 1, 0.25, 1);
        // odd n = 5: s = 0, 3 -> f = 3, 1
        assertThat(MotionGhosting.planeFactors(5, 3, 0.5)).containsExactly(1, 0.5, 1, 0.5, 1);
    }

    @Test
    void anImpulseGetsGhostsEveryNOverGhostsVoxels() {
        // removing frequencies f = 4k (k != 0) of a length-64 line takes away (1/4) of the impulse at every
        // multiple of 16 from it, and adds back the DC share 1/64 everywhere
        float[] line = new float[64];
        line[10] = 1;
        float[] out = line.clone();
        MotionGhosting.ghost(out, new int[] {1, 1, 64}, 2, 4, 0.0, false);
        for (int t = 0; t < 64; t++) {
            double expected = t == 10 ? 1 - 0.25 + 1 / 64.0 : (t - 10) % 16 == 0 ? -0.25 + 1 / 64.0 : 1 / 64.0;
            assertThat(out[t]).as("position %d", t).isCloseTo((float) expected, offset(1e-6f));
        }
    }

    @Test
    void realPartModeKeepsTheMeanAndChangesTheImage() {
        Sample sample = IntensitySamples.random(3, 1, 8, 24, 16);
        float[] in = sample.input().toFloats();
        float[] out = IntensitySamples.apply(new MotionGhosting(List.of(3, 3), List.of(1), List.of(0.0, 0.0), false, 1),
                sample, 0);
        assertThat(IntensitySamples.mean(out)).isCloseTo(IntensitySamples.mean(in), offset(1e-5));
        double change = 0;
        for (int i = 0; i < in.length; i++) {
            change += Math.abs(out[i] - in[i]);
        }
        assertThat(change / in.length).isGreaterThan(0.05);
    }

    @Test
    void twoDimensionalSamplesUseOnlyAxesZeroAndOne() {
        MotionGhosting depthOnly = new MotionGhosting(List.of(2, 2), List.of(2), List.of(0.0, 0.0), true, 1);
        assertThatThrownBy(() -> depthOnly.apply(IntensitySamples.random(1, 1, 8, 8), new SplittableRandom(0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 spatial dimensions");
        // zero ghosts change nothing
        Sample sample = IntensitySamples.random(1, 1, 8, 8);
        assertThat(IntensitySamples.apply(new MotionGhosting(List.of(0, 0), List.of(0), List.of(0.0, 0.0), true, 1),
                sample, 0)).containsExactly(sample.input().toFloats());
    }
}
