package io.pylon.data.augment;

import static io.pylon.data.augment.SpatialTesting.aligned;
import static io.pylon.data.augment.SpatialTesting.blocks;
import static io.pylon.data.augment.SpatialTesting.gaussian;
import static io.pylon.data.augment.SpatialTesting.labelSet;
import static io.pylon.data.augment.SpatialTesting.seed;
import static io.pylon.data.augment.SpatialTesting.transform;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.pylon.data.Sample;
import io.pylon.data.array.DType;
import io.pylon.data.array.NdArray;
import io.pylon.data.transform.Transform;

class ElasticTest {

    private static final long[] LABELS = {0, 2, 5};

    @Test
    void magnitudeZeroIsIdentity() {
        for (long[] spatial : new long[][] {{17, 13}, {9, 10, 11}}) {
            Sample sample = Sample.segmented(0, gaussian(1, AffineTest.withChannels(2, spatial)),
                    blocks(2, 3, LABELS, spatial));
            Sample out = transform("{name: elastic, magnitude: [0, 0], spacing: [4]}").apply(sample, seed(3));
            assertThat(out.input().contentEquals(sample.input())).isTrue();
            assertThat(out.target().contentEquals(sample.target())).isTrue();
        }
    }

    @Test
    void fieldIsBoundedByTheMagnitudeAndNotTrivial() {
        SpatialGrid grid = new SpatialGrid(3, new int[] {20, 24, 28});
        for (int s = 0; s < 5; s++) {
            float[][] field = BSplineField.random(grid, new int[] {5, 6, 7}, 3.0, seed(s));
            for (float[] component : field) {
                float max = 0;
                for (float v : component) {
                    max = Math.max(max, Math.abs(v));
                }
                assertThat(max).isLessThanOrEqualTo(3.0f).isGreaterThan(0.5f);
            }
        }
    }

    /** Channel a holds coordinate a, which linear interpolation reproduces exactly: out - coordinate = u. */
    @Test
    void appliedDisplacementIsBoundedByTheMagnitude() {
        int n = 24;
        float[] values = new float[3 * n * n * n];
        for (int z = 0, i = 0; z < n; z++) {
            for (int y = 0; y < n; y++) {
                for (int x = 0; x < n; x++, i++) {
                    values[i] = z;
                    values[n * n * n + i] = y;
                    values[2 * n * n * n + i] = x;
                }
            }
        }
        Sample sample = new Sample(0, NdArray.of(values, 3, n, n, n), NdArray.scalar(1), false);
        Transform elastic = transform("{name: elastic, magnitude: [2.5, 2.5], spacing: [6]}");
        float[] out = elastic.apply(sample, seed(7)).input().toFloats();
        float largest = 0;
        int margin = 4;
        for (int z = margin; z < n - margin; z++) {
            for (int y = margin; y < n - margin; y++) {
                for (int x = margin; x < n - margin; x++) {
                    int i = (z * n + y) * n + x;
                    float[] u = {out[i] - z, out[n * n * n + i] - y, out[2 * n * n * n + i] - x};
                    for (float component : u) {
                        assertThat(Math.abs(component)).isLessThanOrEqualTo(2.5f + 1e-4f);
                        largest = Math.max(largest, Math.abs(component));
                    }
                }
            }
        }
        assertThat(largest).isGreaterThan(0.5f);
    }

    @Test
    void labelsStayIntegralInTheLabelSetAndAlignedWithTheImage() {
        Transform elastic = transform("{name: elastic, magnitude: [2, 4], spacing: [8]}");
        for (long[] spatial : new long[][] {{40, 36}, {32, 30, 28}}) {
            Sample sample = aligned(blocks(5, 8, LABELS, spatial));
            for (int s = 0; s < 3; s++) {
                Sample out = elastic.apply(sample, seed(s));
                assertThat(out.target().dtype()).isEqualTo(DType.INT64);
                assertThat(labelSet(out.target())).isSubsetOf(labelSet(sample.target()));
                assertThat(out.target().contentEquals(sample.target())).isFalse();
                AlignmentCheck.assertAligned(out, 2);
            }
        }
    }

    @Test
    void sameSeedSameOutputDifferentSeedsDiffer() {
        Transform elastic = transform("{name: elastic, magnitude: [1, 3], spacing: [4, 5]}");
        Sample sample = Sample.segmented(0, gaussian(2, 1, 16, 16), blocks(3, 4, LABELS, 16, 16));
        Sample a = elastic.apply(sample, seed(42));
        assertThat(a.input().contentEquals(elastic.apply(sample, seed(42)).input())).isTrue();
        assertThat(a.target().contentEquals(elastic.apply(sample, seed(42)).target())).isTrue();
        assertThat(a.input().contentEquals(elastic.apply(sample, seed(43)).input())).isFalse();
    }
}
