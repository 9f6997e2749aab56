package io.pylon.data.augment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import io.pylon.data.Sample;

class ClaheTest {

    @Test
    void lowContrastImageGainsContrastAndStaysInUnitRange() {
        // values squeezed into [0.45, 0.55] with a smooth structure plus a little texture
        int h = 64;
        int w = 64;
        float[] values = new float[h * w];
        SplittableRandom random = new SplittableRandom(1);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                values[y * w + x] = (float) (0.5 + 0.03 * Math.sin(x / 6.0) * Math.cos(y / 9.0)
                        + 0.01 * random.nextDouble() + (x > 40 ? 0.01 : 0));
            }
        }
        Sample sample = IntensitySamples.of(values, 1, h, w);
        float[] rescaled = values.clone();
        float[] range = IntensityMath.minMax(values, 0, values.length);
        for (int i = 0; i < rescaled.length; i++) {
            rescaled[i] = (values[i] - range[0]) / (range[1] - range[0]);
        }
        float[] out = IntensitySamples.apply(new Clahe(List.of(4, 4), 0.02, 256), sample, 0);
        for (float v : out) {
            assertThat(v).isBetween(0f, 1f);
        }
        assertThat(IntensitySamples.std(out)).isGreaterThan(IntensitySamples.std(rescaled));
    }

    @Test
    void oneTileIsMonotonicOnARamp() {
        float[] ramp = new float[32 * 40];
        for (int i = 0; i < ramp.length; i++) {
            ramp[i] = i * i;
        }
        for (double clip : new double[] {0, 0.01}) {
            float[] out = IntensitySamples.apply(new Clahe(List.of(1, 1), clip, 64), IntensitySamples.of(ramp, 1, 32, 40),
                    0);
            for (int i = 1; i < out.length; i++) {
                assertThat(out[i]).isGreaterThanOrEqualTo(out[i - 1]);
            }
            assertThat(out[out.length - 1]).isEqualTo(1f);
        }
        // without clipping, one tile is plain equalisation: the skewed ramp (i^2) becomes nearly uniform, so the
        // median pixel (rescaled value 0.25) maps to about 0.5
        float[] equalised = IntensitySamples.apply(new Clahe(List.of(1, 1), 0, 64), IntensitySamples.of(ramp, 1, 32, 40),
                0);
        assertThat(equalised[ramp.length / 2]).isBetween(0.45f, 0.55f);
    }

    @Test
    void monotonicWithinTheCornerTileOfATiledRamp() {
        int n = 64;
        float[] ramp = new float[n * n];
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                ramp[y * n + x] = x + 0.01f * y;
            }
        }
        float[] out = IntensitySamples.apply(new Clahe(List.of(4, 4), 0.05, 256), IntensitySamples.of(ramp, 1, n, n), 0);
        // tile 0 spans 0..15, its centre is 7.5: left of and above it only tile 0's mapping applies
        for (int y = 0; y <= 7; y++) {
            for (int x = 1; x <= 7; x++) {
                assertThat(out[y * n + x]).isGreaterThanOrEqualTo(out[y * n + x - 1]);
            }
        }
    }

    @Test
    void volumesAreEqualisedSliceBySlice() {
        // both slices span [0, 1], so the volume's rescaling equals each slice's own
        float[] volume = IntensitySamples.random(4, 1, 2, 16, 16).input().toFloats();
        for (int s = 0; s < 2; s++) {
            volume[s * 256] = 0;
            volume[s * 256 + 1] = 1;
        }
        Clahe clahe = new Clahe(List.of(2, 2), 0.01, 128);
        assertThat(clahe.isRandom()).isFalse();
        float[] out = IntensitySamples.apply(clahe, IntensitySamples.of(volume, 1, 2, 16, 16), 0);
        for (int s = 0; s < 2; s++) {
            float[] slice = Arrays.copyOfRange(volume, s * 256, (s + 1) * 256);
            float[] alone = IntensitySamples.apply(clahe, IntensitySamples.of(slice, 1, 16, 16), 0);
            assertThat(Arrays.copyOfRange(out, s * 256, (s + 1) * 256)).containsExactly(alone);
        }
        // a constant channel becomes 0
        assertThat(IntensitySamples.apply(clahe, IntensitySamples.constant(4f, 1, 2, 8, 8), 0)).containsOnly(0f);
    }
}
