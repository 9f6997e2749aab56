package io.pylon.geometry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The separable transform against brute force over all voxel pairs. */
class DistanceTransformTest {

    /** min over feature voxels of the physical distance, by trying every pair. */
    private static double[] bruteForce(boolean[] feature, int[] shape, double[] spacing) {
        int count = feature.length;
        double[] out = new double[count];
        for (int i = 0; i < count; i++) {
            int[] a = unravel(i, shape);
            double best = Double.POSITIVE_INFINITY;
            for (int j = 0; j < count; j++) {
                if (!feature[j]) {
                    continue;
                }
                int[] b = unravel(j, shape);
                double sum = 0;
                for (int k = 0; k < shape.length; k++) {
                    double d = (a[k] - b[k]) * spacing[k];
                    sum += d * d;
                }
                best = Math.min(best, Math.sqrt(sum));
            }
            out[i] = best;
        }
        return out;
    }

    private static int[] unravel(int index, int[] shape) {
        int[] at = new int[shape.length];
        for (int k = shape.length - 1; k >= 0; k--) {
            at[k] = index % shape[k];
            index /= shape[k];
        }
        return at;
    }

    private static boolean[] randomMask(Random random, int count, double density) {
        boolean[] mask = new boolean[count];
        for (int i = 0; i < count; i++) {
            mask[i] = random.nextDouble() < density;
        }
        return mask;
    }

    private static void assertExact(double[] actual, double[] expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < actual.length; i++) {
            if (Double.isInfinite(expected[i])) {
                assertThat(actual[i]).as("voxel %d", i).isEqualTo(expected[i]);
            } else {
                assertThat(actual[i]).as("voxel %d", i).isCloseTo(expected[i], within(1e-9));
            }
        }
    }

    private static void checkSigned(boolean[] mask, int[] shape, double[] spacing) {
        boolean[] outside = new boolean[mask.length];
        for (int i = 0; i < mask.length; i++) {
            outside[i] = !mask[i];
        }
        double[] toMask = bruteForce(mask, shape, spacing);
        double[] toOutside = bruteForce(outside, shape, spacing);
        double[] phi = DistanceTransform.signed(mask, shape, spacing);
        for (int i = 0; i < mask.length; i++) {
            // An empty or full mask has no boundary: phi = 0 by convention.
            double expected = Double.isInfinite(toMask[i]) || Double.isInfinite(toOutside[i]) ? 0
                    : mask[i] ? -toOutside[i] : toMask[i];
            assertThat(phi[i]).as("voxel %d", i).isCloseTo(expected, within(1e-9));
        }
    }

    @Test
    void random2dMasksMatchBruteForceWithAnisotropicSpacing() {
        Random random = new Random(11);
        for (int trial = 0; trial < 40; trial++) {
            int[] shape = {1 + random.nextInt(9), 1 + random.nextInt(9)};
            double[] spacing = trial % 2 == 0 ? new double[] {1, 1}
                    : new double[] {0.3 + random.nextDouble() * 3, 0.3 + random.nextDouble() * 3};
            boolean[] mask = randomMask(random, shape[0] * shape[1], 0.05 + random.nextDouble() * 0.5);
            assertExact(DistanceTransform.distance(mask, shape, spacing), bruteForce(mask, shape, spacing));
            checkSigned(mask, shape, spacing);
        }
    }

    @Test
    void random3dMasksMatchBruteForceWithAnisotropicSpacing() {
        Random random = new Random(12);
        for (int trial = 0; trial < 30; trial++) {
            int[] shape = {1 + random.nextInt(6), 1 + random.nextInt(7), 1 + random.nextInt(8)};
            double[] spacing = {0.2 + random.nextDouble() * 4, 0.2 + random.nextDouble() * 4,
                    0.2 + random.nextDouble() * 4};
            boolean[] mask = randomMask(random, shape[0] * shape[1] * shape[2], 0.02 + random.nextDouble() * 0.4);
            assertExact(DistanceTransform.distance(mask, shape, spacing), bruteForce(mask, shape, spacing));
            checkSigned(mask, shape, spacing);
        }
    }

    @Test
    void distancesAreEuclideanNotChamfer() {
        // A knight's move away (2, 1): sqrt(5), which no 3x3 chamfer gives exactly.
        int[] shape = {3, 3};
        boolean[] mask = new boolean[9];
        mask[0] = true;
        double[] d = DistanceTransform.distance(mask, shape, new double[] {1, 1});
        assertThat(d[2 * 3 + 1]).isEqualTo(Math.sqrt(5));
        assertThat(d[2 * 3 + 2]).isEqualTo(Math.sqrt(8));
    }

    @Test
    void singleVoxelObjectInAnisotropicVolume() {
        int[] shape = {3, 4, 5};
        double[] spacing = {2.0, 0.5, 1.5};
        boolean[] mask = new boolean[60];
        int centre = (1 * 4 + 2) * 5 + 3;
        mask[centre] = true;
        double[] phi = DistanceTransform.signed(mask, shape, spacing);
        // Inside: the nearest outside voxel is one step along the finest axis.
        assertThat(phi[centre]).isEqualTo(-0.5);
        for (int i = 0; i < 60; i++) {
            int[] at = unravel(i, shape);
            double dz = (at[0] - 1) * 2.0;
            double dy = (at[1] - 2) * 0.5;
            double dx = (at[2] - 3) * 1.5;
            if (i != centre) {
                assertThat(phi[i]).isCloseTo(Math.sqrt(dz * dz + dy * dy + dx * dx), within(1e-12));
            }
        }
    }

    @Test
    void emptyAndFullMasksGiveZeroAndNoFeatureGivesInfinity() {
        int[] shape = {4, 4};
        double[] spacing = {1, 1};
        assertThat(DistanceTransform.signed(new boolean[16], shape, spacing)).containsOnly(0.0);
        boolean[] full = new boolean[16];
        Arrays.fill(full, true);
        assertThat(DistanceTransform.signed(full, shape, spacing)).containsOnly(0.0);
        assertThat(DistanceTransform.distance(new boolean[16], shape, spacing)).containsOnly(Double.POSITIVE_INFINITY);
    }

    @Test
    void rejectsMismatchedSpacingAndShape() {
        assertThatThrownBy(() -> DistanceTransform.distance(new boolean[4], new int[] {2, 2}, new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("spacing");
        assertThatThrownBy(() -> DistanceTransform.distance(new boolean[5], new int[] {2, 2}, new double[] {1, 1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("holds 4");
        assertThatThrownBy(() -> DistanceTransform.distance(new boolean[4], new int[] {2, 2}, new double[] {1, 0}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
    }
}
