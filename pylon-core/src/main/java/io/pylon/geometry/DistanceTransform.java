package io.pylon.geometry;

import java.util.Arrays;

/**
 * Exact Euclidean distance transforms on a regular grid with per-axis voxel spacing, by the separable
 * lower-envelope algorithm of Felzenszwalb and Huttenlocher ("Distance Transforms of Sampled Functions",
 * 2012): one pass per axis of {@code D_k(x) = min_q [(x - q)^2 h_k^2 + D_{k-1}(q)]}, which after all axes is
 * {@code min_p sum_k ((x_k - p_k) h_k)^2} over the feature voxels p, i.e. the exact squared distance (not a
 * chamfer approximation). Grids are flat arrays in row-major (C) order of {@code shape}.
 *
 * <p>Signed distance convention ({@link #signed}): distances are between voxel centres; for a voxel outside
 * the mask, {@code phi = +}(distance to the nearest mask voxel); for a voxel inside the mask,
 * {@code phi = -}(distance to the nearest non-mask voxel). So phi is never zero on a mask that is neither empty
 * nor full: the boundary lies between the two voxel layers, whose values are {@code -h} and {@code +h} for the
 * spacing h across it. An empty mask and a full mask (no boundary) give {@code phi = 0} everywhere.
 */
public final class DistanceTransform {

    private DistanceTransform() {
    }

    /**
     * The squared Euclidean distance from every voxel to the nearest voxel where {@code feature} is true
     * ({@code +Infinity} everywhere if there is none).
     */
    public static double[] squaredDistance(boolean[] feature, int[] shape, double[] spacing) {
        int count = checkShape(feature.length, shape, spacing);
        double[] grid = new double[count];
        for (int i = 0; i < count; i++) {
            grid[i] = feature[i] ? 0 : Double.POSITIVE_INFINITY;
        }
        int stride = count;
        for (int axis = 0; axis < shape.length; axis++) {
            int n = shape[axis];
            stride /= n;
            transformAxis(grid, count, n, stride, spacing[axis]);
        }
        return grid;
    }

    /** The Euclidean distance to the nearest feature voxel ({@code +Infinity} if there is none). */
    public static double[] distance(boolean[] feature, int[] shape, double[] spacing) {
        double[] d = squaredDistance(feature, shape, spacing);
        for (int i = 0; i < d.length; i++) {
            d[i] = Math.sqrt(d[i]);
        }
        return d;
    }

    /** The signed distance map of {@code mask} (negative inside, positive outside; see the class comment). */
    public static double[] signed(boolean[] mask, int[] shape, double[] spacing) {
        int count = checkShape(mask.length, shape, spacing);
        boolean any = false;
        boolean all = true;
        for (boolean m : mask) {
            any |= m;
            all &= m;
        }
        double[] phi = new double[count];
        if (!any || all) {
            return phi;
        }
        boolean[] outside = new boolean[count];
        for (int i = 0; i < count; i++) {
            outside[i] = !mask[i];
        }
        double[] toMask = squaredDistance(mask, shape, spacing);
        double[] toOutside = squaredDistance(outside, shape, spacing);
        for (int i = 0; i < count; i++) {
            phi[i] = mask[i] ? -Math.sqrt(toOutside[i]) : Math.sqrt(toMask[i]);
        }
        return phi;
    }

    private static int checkShape(int length, int[] shape, double[] spacing) {
        if (shape.length == 0 || spacing.length != shape.length) {
            throw new IllegalArgumentException("need one spacing per axis, got shape " + Arrays.toString(shape)
                    + " and spacing " + Arrays.toString(spacing));
        }
        long count = 1;
        for (int i = 0; i < shape.length; i++) {
            if (shape[i] < 1) {
                throw new IllegalArgumentException("shape must be positive, got " + Arrays.toString(shape));
            }
            if (!(spacing[i] > 0) || Double.isInfinite(spacing[i])) {
                throw new IllegalArgumentException("spacing must be positive and finite, got "
                        + Arrays.toString(spacing));
            }
            count *= shape[i];
        }
        if (count != length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " holds " + count
                    + " voxels but the grid has " + length);
        }
        return (int) count;
    }

    /** One 1-D pass along an axis of length {@code n} whose elements are {@code stride} apart. */
    private static void transformAxis(double[] grid, int count, int n, int stride, double h) {
        double[] f = new double[n];
        double[] out = new double[n];
        int[] v = new int[n];
        double[] z = new double[n + 1];
        int block = n * stride;
        for (int base = 0; base < count; base += block) {
            for (int offset = 0; offset < stride; offset++) {
                int start = base + offset;
                for (int i = 0; i < n; i++) {
                    f[i] = grid[start + i * stride];
                }
                lowerEnvelope(f, out, v, z, n, h);
                for (int i = 0; i < n; i++) {
                    grid[start + i * stride] = out[i];
                }
            }
        }
    }

    /**
     * {@code out[x] = min_q ((x - q) h)^2 + f[q]} over the q with finite f, by the lower envelope of the
     * parabolas rooted at those q ({@code +Infinity} if none is finite).
     */
    private static void lowerEnvelope(double[] f, double[] out, int[] v, double[] z, int n, double h) {
        int k = -1;
        double h2 = h * h;
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
            double s = intersection(f, v[k], q, h2);
            while (s <= z[k]) {
                k--;
                if (k < 0) {
                    break;
                }
                s = intersection(f, v[k], q, h2);
            }
            k++;
            v[k] = q;
            z[k] = k == 0 ? Double.NEGATIVE_INFINITY : s;
            z[k + 1] = Double.POSITIVE_INFINITY;
        }
        if (k < 0) {
            Arrays.fill(out, 0, n, Double.POSITIVE_INFINITY);
            return;
        }
        int j = 0;
        for (int x = 0; x < n; x++) {
            while (z[j + 1] < x) {
                j++;
            }
            double d = (x - v[j]) * h;
            out[x] = d * d + f[v[j]];
        }
    }

    /** The abscissa (in index units) where the parabolas rooted at p and q (p < q) meet. */
    private static double intersection(double[] f, int p, int q, double h2) {
        return ((f[q] + h2 * q * q) - (f[p] + h2 * p * p)) / (2.0 * h2 * (q - p));
    }
}
