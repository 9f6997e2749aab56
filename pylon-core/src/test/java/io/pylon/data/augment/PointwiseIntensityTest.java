package io.pylon.data.augment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import io.pylon.config.InvalidValueException;
import io.pylon.data.Sample;
import io.pylon.data.array.DType;
import io.pylon.data.array.NdArray;

class PointwiseIntensityTest {

    private static final float[] RAMP = {0f, 0.5f, 1f, 2f, 3f, 4f, 5f, 6f};

    @Test
    void toFloatConvertsAndScalesUint8() {
        byte[] raw = {0, 51, (byte) 255, (byte) 128};
        Sample sample = Sample.classified(0, NdArray.of(raw, DType.UINT8, 1, 2, 2), 1);
        Sample out = new ToFloat(1 / 255.0).apply(sample, new SplittableRandom(1));
        assertThat(out.input().dtype()).isEqualTo(DType.FLOAT32);
        assertThat(out.input().toFloats()).containsExactly(new float[] {0f, 0.2f, 1f, 128 / 255f}, offset(1e-6f));
        assertThat(out.target()).isSameAs(sample.target());
    }

    @Test
    void scaleMultipliesByTheDrawnFactorExactly() {
        Sample sample = IntensitySamples.of(RAMP, 2, 2, 2);
        float[] out = IntensitySamples.apply(new ScaleIntensity(List.of(2.5, 2.5), 1), sample, 4);
        for (int i = 0; i < RAMP.length; i++) {
            assertThat(out[i]).isEqualTo(RAMP[i] * 2.5f);
        }
        // a range: one factor in [0.5, 0.6] for the whole sample
        float[] ranged = IntensitySamples.apply(new ScaleIntensity(List.of(0.5, 0.6), 1), sample, 4);
        double factor = ranged[RAMP.length - 1] / RAMP[RAMP.length - 1];
        assertThat(factor).isBetween(0.5, 0.6);
        for (int i = 0; i < RAMP.length; i++) {
            assertThat(ranged[i]).isCloseTo((float) (RAMP[i] * factor), offset(1e-5f));
        }
    }

    @Test
    void shiftAddsTheDrawnOffsetExactly() {
        Sample sample = IntensitySamples.of(RAMP, 2, 2, 2);
        float[] out = IntensitySamples.apply(new ShiftIntensity(List.of(-1.5, -1.5), 1), sample, 4);
        for (int i = 0; i < RAMP.length; i++) {
            assertThat(out[i]).isEqualTo(RAMP[i] - 1.5f);
        }
    }

    @Test
    void probabilityZeroIsIdentityAndOneAlwaysApplies() {
        Sample sample = IntensitySamples.of(RAMP, 2, 2, 2);
        for (long seed = 0; seed < 20; seed++) {
            assertThat(IntensitySamples.apply(new ShiftIntensity(List.of(1.0, 2.0), 0), sample, seed))
                    .containsExactly(RAMP);
            float[] applied = IntensitySamples.apply(new ShiftIntensity(List.of(1.0, 2.0), 1), sample, seed);
            assertThat(applied[0]).isBetween(1f, 2f);
        }
    }

    @Test
    void gammaOneIsIdentity() {
        Sample sample = IntensitySamples.random(5, 2, 6, 7);
        float[] out = IntensitySamples.apply(new Gamma(List.of(1.0), false, 1), sample, 9);
        assertThat(out).containsExactly(sample.input().toFloats());
    }

    @Test
    void gammaIsMonotonicAndKeepsEachChannelsMinAndMax() {
        float[] values = new float[2 * 50];
        for (int i = 0; i < 50; i++) {
            values[i] = -3 + 0.1f * i;
            values[50 + i] = 100 + 2f * i;
        }
        for (double g : new double[] {0.5, 2.0}) {
            float[] out = IntensitySamples.apply(new Gamma(List.of(g), false, 1), IntensitySamples.of(values, 2, 5, 10), 1);
            for (int c = 0; c < 2; c++) {
                assertThat(out[c * 50]).isCloseTo(values[c * 50], offset(1e-4f));
                assertThat(out[c * 50 + 49]).isCloseTo(values[c * 50 + 49], offset(1e-3f));
                for (int i = 1; i < 50; i++) {
                    assertThat(out[c * 50 + i]).isGreaterThan(out[c * 50 + i - 1]);
                }
            }
            // gamma < 1 lifts the middle of the range, gamma > 1 lowers it
            double mid = (out[25] - values[0]) / (values[49] - values[0]);
            double linear = (values[25] - values[0]) / (values[49] - values[0]);
            assertThat(g < 1 ? mid > linear : mid < linear).isTrue();
            assertThat(mid).isCloseTo(Math.pow(linear, g), offset(1e-5));
        }
    }

    @Test
    void gammaWithRetainStatsKeepsMeanAndStd() {
        Sample sample = IntensitySamples.random(2, 1, 20, 20);
        float[] in = sample.input().toFloats();
        float[] out = IntensitySamples.apply(new Gamma(List.of(2.0), true, 1), sample, 1);
        assertThat(IntensitySamples.mean(out)).isCloseTo(IntensitySamples.mean(in), offset(1e-5));
        assertThat(IntensitySamples.std(out)).isCloseTo(IntensitySamples.std(in), offset(1e-5));
        assertThat(out).isNotEqualTo(in);
    }

    @Test
    void invalidParametersNameTheirKey() {
        assertThatThrownBy(() -> new Gamma(List.of(0.0), false, 1)).isInstanceOfSatisfying(
                InvalidValueException.class, e -> assertThat(e.key()).isEqualTo("gamma"));
        assertThatThrownBy(() -> new ScaleIntensity(List.of(1.2, 0.8), 1)).isInstanceOfSatisfying(
                InvalidValueException.class, e -> assertThat(e.key()).isEqualTo("factor"));
        assertThatThrownBy(() -> new ShiftIntensity(List.of(0.0, 1.0), 1.5)).isInstanceOfSatisfying(
                InvalidValueException.class, e -> assertThat(e.key()).isEqualTo("p"));
        assertThatThrownBy(() -> new ToFloat(Double.NaN)).isInstanceOfSatisfying(
                InvalidValueException.class, e -> assertThat(e.key()).isEqualTo("scale"));
    }
}
