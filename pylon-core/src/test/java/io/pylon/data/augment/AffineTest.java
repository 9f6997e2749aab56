package io.pylon.data.augment;

import static io.pylon.data.augment.SpatialTesting.aligned;
import static io.pylon.data.augment.SpatialTesting.at;
import static io.pylon.data.augment.SpatialTesting.blocks;
import static io.pylon.data.augment.SpatialTesting.gaussian;
import static io.pylon.data.augment.SpatialTesting.labelSet;
import static io.pylon.data.augment.SpatialTesting.seed;
import static io.pylon.data.augment.SpatialTesting.transform;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

import io.pylon.data.Sample;
import io.pylon.data.array.DType;
import io.pylon.data.array.NdArray;
import io.pylon.data.transform.Transform;

class AffineTest {

    private static final long[] LABELS = {0, 3, 7};

    @Test
    void identityParametersGiveTheInput() {
        for (long[] spatial : new long[][] {{11, 9}, {5, 6, 7}}) {
            long[] shape = withChannels(2, spatial);
            Sample sample = Sample.segmented(0, gaussian(1, shape), blocks(2, 2, LABELS, spatial));
            Sample out = transform("{name: affine}").apply(sample, seed(5));
            float[] in = sample.input().toFloats();
            float[] warped = out.input().toFloats();
            for (int i = 0; i < in.length; i++) {
                assertThat(warped[i]).isCloseTo(in[i], within(1e-6f));
            }
            assertThat(out.target().contentEquals(sample.target())).isTrue();
        }
    }

    @Test
    void integerTranslationShiftsExactly() {
        Sample sample = Sample.segmented(0, gaussian(3, 1, 16, 8), blocks(4, 2, LABELS, 16, 8));
        // 0.25 of 16 = 4 rows, 0.25 of 8 = 2 columns
        Sample out = transform("{name: affine, translate: [0.25, 0.25], padding_value: -5}").apply(sample, seed(1));
        float[] in = sample.input().toFloats();
        float[] shifted = out.input().toFloats();
        long[] labels = sample.target().toLongs();
        long[] shiftedLabels = out.target().toLongs();
        long[] shape = {16, 8};
        for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 8; x++) {
                int o = at(shape, y, x);
                if (y >= 4 && x >= 2) {
                    assertThat(shifted[o]).isEqualTo(in[at(shape, y - 4, x - 2)]);
                    assertThat(shiftedLabels[o]).isEqualTo(labels[at(shape, y - 4, x - 2)]);
                } else {
                    assertThat(shifted[o]).isEqualTo(-5f);
                    assertThat(shiftedLabels[o]).isZero();
                }
            }
        }
    }

    @Test
    void integerTranslationShiftsExactly3d() {
        Sample sample = Sample.segmented(0, gaussian(3, 1, 8, 8, 4), blocks(4, 2, LABELS, 8, 8, 4));
        Sample out = transform("{name: affine, translate: [-0.25, -0.25]}").apply(sample, seed(1));
        float[] in = sample.input().toFloats();
        float[] shifted = out.input().toFloats();
        long[] shape = {8, 8, 4};
        for (int z = 0; z < 6; z++) {
            for (int y = 0; y < 6; y++) {
                for (int x = 0; x < 3; x++) {
                    assertThat(shifted[at(shape, z, y, x)]).isEqualTo(in[at(shape, z + 2, y + 2, x + 1)]);
                }
            }
        }
    }

    @Test
    void ninetyDegreeRotationMatchesRot90() {
        Sample flat = Sample.segmented(0, gaussian(7, 2, 9, 9), blocks(8, 2, LABELS, 9, 9));
        assertRotationMatches(flat, "[90, 90]", 1, 2);
        Sample cube = Sample.segmented(0, gaussian(7, 1, 7, 7, 7), blocks(8, 2, LABELS, 7, 7, 7));
        assertRotationMatches(cube, "[90, 90, 0, 0, 0, 0]", 1, 2);
        assertRotationMatches(cube, "[0, 0, 90, 90, 0, 0]", 0, 2);
        assertRotationMatches(cube, "[0, 0, 0, 0, 90, 90]", 0, 1);
    }

    private static void assertRotationMatches(Sample sample, String rotate, int a, int b) {
        Sample viaAffine = transform("{name: affine, rotate: " + rotate + "}").apply(sample, seed(1));
        SpatialGrid grid = SpatialGrid.of(sample, "test");
        Sample viaRot90 = Rot90.rotate(sample, grid, a, b, 1);
        float[] expected = viaRot90.input().toFloats();
        float[] actual = viaAffine.input().toFloats();
        int n = grid.extent(2);
        for (int i = 0; i < expected.length; i++) {
            boolean interior = i % n > 0 && i % n < n - 1;
            if (interior) {
                assertThat(actual[i]).isCloseTo(expected[i], within(1e-5f));
            }
        }
        assertThat(viaAffine.target().contentEquals(viaRot90.target())).isTrue();
    }

    @Test
    void labelsStayIntegralAndInTheInputLabelSet() {
        Transform affine = transform("{name: affine, rotate: [-40, 40], scale: [0.7, 1.3], shear: [-10, 10], "
                + "translate: [-0.1, 0.1]}");
        for (long[] spatial : new long[][] {{24, 20}, {12, 14, 10}}) {
            NdArray labels = blocks(9, 3, LABELS, spatial);
            byte[] bytes = new byte[(int) labels.size()];
            long[] values = labels.toLongs();
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) values[i];
            }
            NdArray uint8 = NdArray.of(bytes, DType.UINT8, spatial);
            for (NdArray target : new NdArray[] {labels, uint8}) {
                Sample sample = Sample.segmented(0, gaussian(1, withChannels(1, spatial)), target);
                for (int s = 0; s < 5; s++) {
                    Sample out = affine.apply(sample, seed(s));
                    assertThat(out.target().dtype()).isEqualTo(target.dtype());
                    assertThat(labelSet(out.target())).isSubsetOf(labelSet(target));
                    assertThat(labelSet(out.target())).hasSizeGreaterThan(1);
                }
            }
        }
    }

    @Test
    void imageAndLabelStayAligned() {
        Transform affine = transform("{name: affine, rotate: [-30, 30], scale: [0.8, 1.2], shear: [-8, 8], "
                + "translate: [-0.1, 0.1]}");
        for (long[] spatial : new long[][] {{40, 36}, {32, 30, 28}}) {
            Sample sample = aligned(blocks(11, 8, LABELS, spatial));
            for (int s = 0; s < 4; s++) {
                AlignmentCheck.assertAligned(affine.apply(sample, seed(s)), 2);
            }
        }
    }

    @Test
    void sameSeedSameOutputDifferentSeedsDiffer() {
        Transform affine = transform("{name: affine, rotate: [-30, 30], translate: [-0.1, 0.1]}");
        Sample sample = Sample.segmented(0, gaussian(2, 1, 16, 16), blocks(3, 4, LABELS, 16, 16));
        Sample a = affine.apply(sample, seed(42));
        Sample b = affine.apply(sample, seed(42));
        Sample c = affine.apply(sample, seed(43));
        assertThat(a.input().contentEquals(b.input())).isTrue();
        assertThat(a.target().contentEquals(b.target())).isTrue();
        assertThat(a.input().contentEquals(c.input())).isFalse();
    }

    @Test
    void nearestModeKeepsTheInputDtype() {
        NdArray labels = blocks(4, 2, LABELS, 12, 12);
        Sample sample = Sample.segmented(0, labels.reshape(1, 12, 12), labels);
        Sample out = transform("{name: affine, rotate: [10, 20], mode: nearest}").apply(sample, seed(1));
        assertThat(out.input().dtype()).isEqualTo(DType.INT64);
        // the same index map moves input and target, so they stay identical
        assertThat(out.input().reshape(12, 12).contentEquals(out.target())).isTrue();
    }

    static long[] withChannels(long channels, long[] spatial) {
        long[] shape = new long[spatial.length + 1];
        shape[0] = channels;
        System.arraycopy(spatial, 0, shape, 1, spatial.length);
        return shape;
    }
}
