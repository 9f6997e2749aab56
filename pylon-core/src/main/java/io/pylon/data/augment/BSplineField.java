package io.pylon.data.augment;

import java.util.SplittableRandom;

/**
 * Smooth random displacement fields for {@link Elastic}: independent uniform displacements on a coarse
 * control grid, interpolated by a uniform cubic B-spline. Control points lie every {@code spacing} points
 * starting one spacing before the grid; point {@code i} of an axis sits at {@code u = i / spacing} and mixes
 * control points {@code floor(u) .. floor(u) + 3} with the cubic B-spline weights of {@code u - floor(u)}.
 * Those weights are non-negative and sum to 1, so each component of the field is a convex combination of
 * control values: bounded by the largest control magnitude, and C2-smooth.
 *
 * <p>The interpolation is separable (x, then y, then z), so a field costs about 4 multiply-adds per point
 * and component, plus small per-axis tables.
 */
final class BSplineField {

    private BSplineField() {
    }

    /** Evaluation taps along one axis: first control index and the four weights of each point. */
    private record Taps(int[] first, float[] weights) {

        static Taps of(int n, int spacing) {
            int[] first = new int[n];
            float[] weights = new float[4 * n];
            for (int i = 0; i < n; i++) {
                int k = i / spacing;
                float t = (float) (i - k * spacing) / spacing;
                float s = 1 - t;
                first[i] = k;
                weights[4 * i] = s * s * s / 6;
                weights[4 * i + 1] = (3 * t * t * t - 6 * t * t + 4) / 6;
                weights[4 * i + 2] = (-3 * t * t * t + 3 * t * t + 3 * t + 1) / 6;
                weights[4 * i + 3] = t * t * t / 6;
            }
            return new Taps(first, weights);
        }
    }

    /** Control points along an axis of {@code n} points: enough for the last point's four taps. */
    static int controls(int n, int spacing) {
        return (n - 1) / spacing + 4;
    }

    /**
     * A random field over {@code grid}: one displacement array per internal axis (in points; entry 0 null for
     * a 2D grid), control values uniform in {@code [-magnitude, magnitude]}.
     *
     * @param spacing control-point spacing per internal axis, in points
     */
    static float[][] random(SpatialGrid grid, int[] spacing, double magnitude, SplittableRandom random) {
        boolean flat = grid.dims() == 2;
        int[] counts = new int[3];
        Taps[] taps = new Taps[3];
        for (int a = 0; a < 3; a++) {
            boolean real = !(flat && a == 0);
            counts[a] = real ? controls(grid.extent(a), spacing[a]) : 1;
            taps[a] = real ? Taps.of(grid.extent(a), spacing[a]) : null;
        }
        float[][] field = new float[3][];
        for (int component = flat ? 1 : 0; component < 3; component++) {
            float[] control = new float[counts[0] * counts[1] * counts[2]];
            for (int i = 0; i < control.length; i++) {
                control[i] = (float) ((2 * random.nextDouble() - 1) * magnitude);
            }
            field[component] = evaluate(control, counts, grid, taps);
        }
        return field;
    }

    private static float[] evaluate(float[] control, int[] counts, SpatialGrid grid, Taps[] taps) {
        int d = grid.extent(0);
        int h = grid.extent(1);
        int w = grid.extent(2);
        int rows = counts[0] * counts[1];
        float[] alongX = new float[rows * w];
        for (int r = 0; r < rows; r++) {
            int from = r * counts[2];
            int to = r * w;
            for (int x = 0; x < w; x++) {
                int c = from + taps[2].first[x];
                int k = 4 * x;
                float[] wx = taps[2].weights;
                alongX[to + x] = wx[k] * control[c] + wx[k + 1] * control[c + 1] + wx[k + 2] * control[c + 2]
                        + wx[k + 3] * control[c + 3];
            }
        }
        float[] alongY = new float[counts[0] * h * w];
        for (int cz = 0; cz < counts[0]; cz++) {
            for (int y = 0; y < h; y++) {
                combine(alongX, (cz * counts[1] + taps[1].first[y]) * w, w, taps[1].weights, 4 * y, alongY,
                        (cz * h + y) * w);
            }
        }
        if (taps[0] == null) {
            return alongY;
        }
        int plane = h * w;
        float[] out = new float[d * plane];
        for (int z = 0; z < d; z++) {
            combine(alongY, taps[0].first[z] * plane, plane, taps[0].weights, 4 * z, out, z * plane);
        }
        return out;
    }

    /**
     * {@code out[to + i] = sum_j weights[k + j] * in[from + j * stride + i]} for {@code i < stride}: four
     * consecutive rows (or planes) mixed in one pass.
     */
    private static void combine(float[] in, int from, int stride, float[] weights, int k, float[] out, int to) {
        float w0 = weights[k];
        float w1 = weights[k + 1];
        float w2 = weights[k + 2];
        float w3 = weights[k + 3];
        int a = from;
        int b = from + stride;
        int c = from + 2 * stride;
        int e = from + 3 * stride;
        for (int i = 0; i < stride; i++) {
            out[to + i] = w0 * in[a + i] + w1 * in[b + i] + w2 * in[c + i] + w3 * in[e + i];
        }
    }
}
