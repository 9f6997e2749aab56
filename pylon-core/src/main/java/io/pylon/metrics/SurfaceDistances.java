package io.pylon.metrics;

import java.util.Arrays;

/**
 * Exact Euclidean distances between the surfaces of two binary masks on a grid with voxel spacing. A surface
 * voxel is a foreground voxel with at least one face neighbour (4-neighbourhood in 2D, 6 in 3D) that is background
 * or outside the volume. Distances from one surface to the other come from an exact squared Euclidean distance
 * transform (Felzenszwalb and Huttenlocher's lower envelope of parabolas, one pass per dimension, with anisotropic
 * spacing), so a mask pair costs time linear in the number of voxels.
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
        double[] squared = squaredDistanceTransform(to, dims, spacing);
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

    /** Squared distance from every voxel to the nearest voxel set in {@code sites}. */
    static double[] squaredDistanceTransform(boolean[] sites, int[] dims, double[] spacing) {
        double[] d = new double[sites.length];
        for (int i = 0; i < sites.length; i++) {
            d[i] = sites[i] ? 0.0 : Double.POSITIVE_INFINITY;
        }
        int[] strides = strides(dims);
        int maxLength = Arrays.stream(dims).max().orElse(1);
        double[] line = new double[maxLength];
        double[] result = new double[maxLength];
        int[] v = new int[maxLength];
        double[] z = new double[maxLength + 1];
        for (int axis = 0; axis < dims.length; axis++) {
            int n = dims[axis];
            int stride = strides[axis];
            for (int start = 0; start < d.length; start++) {
                // a line starts at every voxel whose coordinate along this axis is 0
                if ((start / stride) % n != 0) {
                    continue;
                }
                for (int q = 0; q < n; q++) {
                    line[q] = d[start + q * stride];
                }
                envelope(line, n, spacing[axis], result, v, z);
                for (int q = 0; q < n; q++) {
                    d[start + q * stride] = result[q];
                }
            }
        }
        return d;
    }

    /** 1D transform: {@code out[p] = min_q ((p - q) s)^2 + f[q]} over the finite {@code f[q]}. */
    private static void envelope(double[] f, int n, double s, double[] out, int[] v, double[] z) {
        int k = -1;
        for (int q = 0; q < n; q++) {
            if (f[q] == Double.POSITIVE_INFINITY) {
                continue;
            }
            if (k < 0) {
                k = 0;
                v[0] = q;
                z[0] = Double.NEGATIVE_INFINITY;
                z[1] = Double.POSITIVE_INFINITY;
                continue;
            }
            double intersection = intersect(f, q, v[k], s);
            while (intersection <= z[k]) {
                k--;
                intersection = intersect(f, q, v[k], s);
            }
            k++;
            v[k] = q;
            z[k] = intersection;
            z[k + 1] = Double.POSITIVE_INFINITY;
        }
        if (k < 0) {
            Arrays.fill(out, 0, n, Double.POSITIVE_INFINITY);
            return;
        }
        k = 0;
        for (int p = 0; p < n; p++) {
            double x = p * s;
            while (z[k + 1] < x) {
                k++;
            }
            double dx = x - v[k] * s;
            out[p] = dx * dx + f[v[k]];
        }
    }

    private static double intersect(double[] f, int q, int r, double s) {
        double xq = q * s;
        double xr = r * s;
        return ((f[q] + xq * xq) - (f[r] + xr * xr)) / (2 * (xq - xr));
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
