package io.pylon.metrics;

import java.util.Arrays;

import io.pylon.geometry.DistanceTransform;

/**
 * Exact Euclidean distances between the surfaces of two binary masks on a grid with voxel spacing. A surface
 * voxel is a foreground voxel with at least one face neighbour (4-neighbourhood in 2D, 6 in 3D) that is background
 * or outside the volume. Distances from one surface to the other come from the exact squared Euclidean distance
 * transform the Boundary loss uses too ({@link DistanceTransform}, with anisotropic spacing), so a mask pair costs
 * time linear in the number of voxels.
 */
final class SurfaceDistances {

    private SurfaceDistances() {
    }

    /** The surface of {@code mask} (shape {@code dims}, row-major). */
    static boolean[] surface(boolean[] mask, int[] dims) {
        int[] strides = strides(dims);
        boolean[] out = new boolean[mask.length];
        int[] coord = new int[dims.length];
        for (int i = 0; i < mask.length; i++) {
            if (mask[i]) {
                unravel(i, strides, coord);
                for (int a = 0; a < dims.length && !out[i]; a++) {
                    if (coord[a] == 0 || coord[a] == dims[a] - 1 || !mask[i - strides[a]] || !mask[i + strides[a]]) {
                        out[i] = true;
                    }
                }
            }
        }
        return out;
    }

    /** Distances from every voxel set in {@code from} to the nearest voxel set in {@code to} (non-empty). */
    static double[] directed(boolean[] from, boolean[] to, int[] dims, double[] spacing) {
        double[] squared = DistanceTransform.squaredDistance(to, dims, spacing);
        int count = 0;
        for (boolean b : from) {
            count += b ? 1 : 0;
        }
        double[] out = new double[count];
        int k = 0;
        for (int i = 0; i < from.length; i++) {
            if (from[i]) {
                out[k++] = Math.sqrt(squared[i]);
            }
        }
        return out;
    }

    /** Brute-force directed distances, for checking the transform on small masks. */
    static double[] bruteForce(boolean[] from, boolean[] to, int[] dims, double[] spacing) {
        int[] strides = strides(dims);
        int[] a = new int[dims.length];
        int[] b = new int[dims.length];
        double[] out = new double[(int) count(from)];
        int k = 0;
        for (int i = 0; i < from.length; i++) {
            if (!from[i]) {
                continue;
            }
            unravel(i, strides, a);
            double best = Double.POSITIVE_INFINITY;
            for (int j = 0; j < to.length; j++) {
                if (to[j]) {
                    unravel(j, strides, b);
                    double sq = 0;
                    for (int x = 0; x < dims.length; x++) {
                        double dx = (a[x] - b[x]) * spacing[x];
                        sq += dx * dx;
                    }
                    best = Math.min(best, sq);
                }
            }
            out[k++] = Math.sqrt(best);
        }
        return out;
    }

    static long count(boolean[] mask) {
        long c = 0;
        for (boolean b : mask) {
            c += b ? 1 : 0;
        }
        return c;
    }

    /** The largest distance within the volume: its diagonal, {@code sqrt(sum_i (D_i s_i)^2)}. */
    static double diagonal(int[] dims, double[] spacing) {
        double sq = 0;
        for (int a = 0; a < dims.length; a++) {
            double extent = dims[a] * spacing[a];
            sq += extent * extent;
        }
        return Math.sqrt(sq);
    }

    /** The {@code q}-th percentile with linear interpolation between order statistics (NumPy's default). */
    static double percentile(double[] values, double q) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double position = q / 100.0 * (sorted.length - 1);
        int lo = (int) Math.floor(position);
        int hi = (int) Math.ceil(position);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (position - lo);
    }

    static int[] strides(int[] dims) {
        int[] strides = new int[dims.length];
        int s = 1;
        for (int a = dims.length - 1; a >= 0; a--) {
            strides[a] = s;
            s *= dims[a];
        }
        return strides;
    }

    private static void unravel(int index, int[] strides, int[] coord) {
        int rest = index;
        for (int a = 0; a < strides.length; a++) {
            coord[a] = rest / strides[a];
            rest %= strides[a];
        }
    }
}
