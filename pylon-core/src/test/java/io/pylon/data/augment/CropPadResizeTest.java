package io.pylon.data.augment;

import static io.pylon.data.augment.SpatialTesting.at;
import static io.pylon.data.augment.SpatialTesting.blocks;
import static io.pylon.data.augment.SpatialTesting.labelSet;
import static io.pylon.data.augment.SpatialTesting.ramp;
import static io.pylon.data.augment.SpatialTesting.seed;
import static io.pylon.data.augment.SpatialTesting.transform;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Collections;

import org.junit.jupiter.api.Test;

import io.pylon.data.DataException;
import io.pylon.data.Sample;
import io.pylon.data.array.DType;
import io.pylon.data.array.NdArray;

class CropPadResizeTest {

    /** A 32 x 32 image whose target is foreground (1) only in the square [from, to) x [from, to). */
    private static Sample square(int from, int to) {
        long[] labels = new long[32 * 32];
        for (int y = from; y < to; y++) {
            for (int x = from; x < to; x++) {
                labels[y * 32 + x] = 1;
            }
        }
        return Sample.segmented(4, ramp(1, 32, 32), NdArray.of(labels, 32, 32));
    }

    private static RandomCrop crop(String params) {
        return (RandomCrop) transform("{name: random_crop, " + params + "}");
    }

    private static double foreground(NdArray target) {
        long count = 0;
        for (long v : target.toLongs()) {
            count += v != 0 ? 1 : 0;
        }
        return (double) count / target.size();
    }

    @Test
    void foregroundRejectionReachesTheRatioWhenPossible() {
        Sample sample = square(8, 24);
        RandomCrop crop = crop("size: [8, 8], min_foreground_ratio: 1.0, max_attempts: 1000");
        for (int s = 0; s < 10; s++) {
            Sample out = crop.apply(sample, seed(s));
            assertThat(foreground(out.target())).isEqualTo(1.0);
            RandomCrop.Placement placement = crop.place(sample, SpatialGrid.of(sample, "t"), new int[] {1, 8, 8},
                    seed(s));
            // the draws before the accepted one all fell short
            assertThat(placement.fractions()).hasSize(placement.attempts());
            assertThat(placement.fractions().subList(0, placement.attempts() - 1)).allMatch(f -> f < 1.0);
            assertThat(placement.fraction()).isEqualTo(1.0);
        }
    }

    @Test
    void foregroundRejectionTakesTheBestAttemptWhenTheRatioIsOutOfReach() {
        Sample sample = square(14, 17);
        RandomCrop crop = crop("size: [8, 8], min_foreground_ratio: 0.5, max_attempts: 12");
        boolean sawForeground = false;
        for (int s = 0; s < 20; s++) {
            RandomCrop.Placement placement = crop.place(sample, SpatialGrid.of(sample, "t"), new int[] {1, 8, 8},
                    seed(s));
            assertThat(placement.attempts()).isEqualTo(12);
            assertThat(placement.fractions()).hasSize(12);
            assertThat(placement.fraction()).isEqualTo(Collections.max(placement.fractions()));
            Sample out = crop.apply(sample, seed(s));
            assertThat(foreground(out.target())).isEqualTo(placement.fraction());
            sawForeground |= placement.fraction() > 0;
        }
        assertThat(sawForeground).isTrue();
    }

    @Test
    void withoutRejectionTheCropIsAWindowOfTheInput() {
        Sample sample = square(8, 24);
        RandomCrop.Placement placement = crop("size: [5, 7]").place(sample, SpatialGrid.of(sample, "t"),
                new int[] {1, 5, 7}, seed(3));
        assertThat(placement.attempts()).isEqualTo(1);
        Sample out = crop("size: [5, 7]").apply(sample, seed(3));
        float[] values = out.input().toFloats();
        int y0 = placement.start()[1];
        int x0 = placement.start()[2];
        assertThat(values[0]).isEqualTo(y0 * 32 + x0);
        assertThat(values[at(new long[] {5, 7}, 4, 6)]).isEqualTo((y0 + 4) * 32 + x0 + 6);
    }

    @Test
    void paddingCountsAsBackgroundAndReadsTheFills() {
        Sample sample = Sample.segmented(0, ramp(1, 4, 4), NdArray.of(new long[16], 4, 4));
        RandomCrop crop = crop("size: [4, 4], padding: 3, padding_value: -1, target_padding_value: 9");
        boolean shifted = false;
        for (int s = 0; s < 10; s++) {
            RandomCrop.Placement placement = crop.place(sample, SpatialGrid.of(sample, "t"), new int[] {1, 4, 4},
                    seed(s));
            Sample out = crop.apply(sample, seed(s));
            int y0 = placement.start()[1];
            int x0 = placement.start()[2];
            assertThat(y0).isBetween(-3, 3);
            float[] values = out.input().toFloats();
            long[] labels = out.target().toLongs();
            for (int y = 0; y < 4; y++) {
                for (int x = 0; x < 4; x++) {
                    boolean inside = y0 + y >= 0 && y0 + y < 4 && x0 + x >= 0 && x0 + x < 4;
                    assertThat(values[y * 4 + x]).isEqualTo(inside ? (y0 + y) * 4 + x0 + x : -1f);
                    assertThat(labels[y * 4 + x]).isEqualTo(inside ? 0 : 9);
                }
            }
            shifted |= y0 != 0 || x0 != 0;
        }
        assertThat(shifted).isTrue();
    }

    @Test
    void tooSmallInputIsAnErrorNamingTheSampleUnlessPadIfNeeded() {
        Sample sample = square(0, 32);
        assertThatThrownBy(() -> crop("size: [40, 8]").apply(sample, seed(1)))
                .isInstanceOf(DataException.class).hasMessageContaining("sample 4")
                .hasMessageContaining("pad_if_needed");
        assertThatThrownBy(() -> crop("size: [8, 8, 8]").apply(sample, seed(1)))
                .isInstanceOf(DataException.class).hasMessageContaining("sample 4");
        Sample out = crop("size: [40, 8], pad_if_needed: true").apply(sample, seed(1));
        assertThat(out.input().shape()).containsExactly(1, 40, 8);
        assertThat(out.target().shape()).containsExactly(40, 8);
        assertThatThrownBy(() -> transform("{name: center_crop, size: [40, 8]}").apply(sample, seed(1)))
                .isInstanceOf(DataException.class).hasMessageContaining("sample 4");
    }

    @Test
    void centerCropTakesTheMiddle() {
        Sample sample = Sample.segmented(0, ramp(1, 5, 6), NdArray.of(new long[30], 5, 6));
        Sample out = transform("{name: center_crop, size: [3, 3]}").apply(sample, seed(1));
        assertThat(out.input().toFloats()).containsExactly(7, 8, 9, 13, 14, 15, 19, 20, 21);
        Sample padded = transform("{name: center_crop, size: [7, 6], pad_if_needed: true, padding_value: -1}")
                .apply(sample, seed(1));
        float[] values = padded.input().toFloats();
        assertThat(values[0]).isEqualTo(-1f);
        assertThat(values[6]).isEqualTo(0f);
        assertThat(values[41]).isEqualTo(-1f);
    }

    @Test
    void padModesMatchNumpy() {
        float[] row = {10, 20, 30, 40};
        Sample sample = Sample.segmented(0, NdArray.of(row, 1, 1, 4), NdArray.of(new long[] {1, 2, 3, 4}, 1, 4));
        String amounts = "amounts: [0, 0, 2, 1]";
        Sample constant = transform("{name: pad, " + amounts + ", padding_value: 9, target_padding_value: 7}")
                .apply(sample, seed(1));
        assertThat(constant.input().toFloats()).containsExactly(9, 9, 10, 20, 30, 40, 9);
        assertThat(constant.target().toLongs()).containsExactly(7, 7, 1, 2, 3, 4, 7);
        Sample edge = transform("{name: pad, " + amounts + ", mode: edge}").apply(sample, seed(1));
        assertThat(edge.input().toFloats()).containsExactly(10, 10, 10, 20, 30, 40, 40);
        Sample reflect = transform("{name: pad, amounts: [0, 0, 5, 4], mode: reflect}").apply(sample, seed(1));
        // np.pad([10, 20, 30, 40], (5, 4), 'reflect')
        assertThat(reflect.input().toFloats()).containsExactly(20, 30, 40, 30, 20, 10, 20, 30, 40, 30, 20, 10, 20);
        assertThat(reflect.target().toLongs()).containsExactly(2, 3, 4, 3, 2, 1, 2, 3, 4, 3, 2, 1, 2);
    }

    @Test
    void padToSizeCentresAndLeavesLongerAxes() {
        Sample sample = Sample.segmented(0, ramp(1, 2, 5, 4), NdArray.of(new byte[40], DType.UINT8, 2, 5, 4));
        Sample out = transform("{name: pad, size: [5, 3, 7]}").apply(sample, seed(1));
        assertThat(out.input().shape()).containsExactly(1, 5, 5, 7);
        assertThat(out.target().dtype()).isEqualTo(DType.UINT8);
        // shortfalls 3 (z) and 3 (x): 1 before, 2 after
        assertThat(out.input().toFloats()[at(new long[] {5, 5, 7}, 1, 0, 1)]).isEqualTo(0f);
        assertThat(out.input().toFloats()[at(new long[] {5, 5, 7}, 2, 4, 4)]).isEqualTo(39f);
        Sample same = transform("{name: pad, amounts: [0]}").apply(sample, seed(1));
        assertThat(same).isSameAs(sample);
    }

    @Test
    void resizeUsesHalfPixelCentresAndNearestLabels() {
        NdArray labels = NdArray.of(new long[] {1, 2, 3, 4}, 1, 4);
        Sample sample = Sample.segmented(0, NdArray.of(new float[] {0, 1, 2, 3}, 1, 1, 4), labels);
        Sample out = transform("{name: resize, size: [1, 8]}").apply(sample, seed(1));
        // source x = (o + 0.5) / 2 - 0.5, clamped to [0, 3]
        float[] expected = {0, 0.25f, 0.75f, 1.25f, 1.75f, 2.25f, 2.75f, 3};
        float[] values = out.input().toFloats();
        for (int i = 0; i < 8; i++) {
            assertThat(values[i]).isCloseTo(expected[i], within(1e-6f));
        }
        assertThat(out.target().toLongs()).containsExactly(1, 1, 2, 2, 3, 3, 4, 4);
        Sample down = transform("{name: resize, size: [1, 2], mode: nearest}").apply(sample, seed(1));
        assertThat(down.input().toFloats()).containsExactly(1, 3);
    }

    @Test
    void resizeKeepsLabelsIntegralAndInTheLabelSet() {
        long[] set = {0, 4, 9};
        NdArray labels = blocks(3, 3, set, 13, 11, 9);
        Sample sample = Sample.segmented(0, ramp(1, 13, 11, 9), labels);
        Sample out = transform("{name: resize, size: [20, 7, 16]}").apply(sample, seed(1));
        assertThat(out.input().shape()).containsExactly(1, 20, 7, 16);
        assertThat(out.target().dtype()).isEqualTo(DType.INT64);
        assertThat(labelSet(out.target())).isSubsetOf(labelSet(labels)).hasSizeGreaterThan(1);
    }
}
