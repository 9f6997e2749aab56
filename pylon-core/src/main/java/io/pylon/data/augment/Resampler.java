package io.pylon.data.augment;

/**
 * Reads a grid at arbitrary source coordinates ({@link SourceRows}): the back end of every interpolating
 * transform. Points outside the source read {@code fill}; in linear interpolation each out-of-grid corner
 * contributes {@code fill} with its weight (torch's
 * {@code grid_sample} with zero padding and {@code align_corners=True}, for any fill), so edges blend rather
 * than jump. A coordinate that is exactly a grid point reads that point's value exactly.
 */
final class Resampler {

    private Resampler() {
    }

    /**
     * Reads {@code in} at the source coordinates {@code rows} gives for every point of {@code out}: linear
     * interpolation of the {@code channels} slices of {@code source} into {@code values}
     * ({@code channels * out.volume()} points; skipped when null), and the nearest source point's flat index
     * (ties round up; -1 outside) into {@code nearest} (skipped when null). One pass, row by row.
     */
    static void sample(SpatialGrid in, SpatialGrid out, SourceRows rows, float[] source, int channels, float fill,
                       float[] values, int[] nearest) {
        int w = out.extent(2);
        boolean flat = in.dims() == 2;
        float[] z = flat ? null : new float[w];
        float[] y = new float[w];
        float[] x = new float[w];
        int volume = out.volume();
        for (int k = 0, at = 0; k < out.extent(0); k++) {
            for (int j = 0; j < out.extent(1); j++, at += w) {
                rows.row(k, j, z, y, x);
                if (values != null && flat) {
                    bilinear(source, channels, in, y, x, fill, values, at, volume);
                } else if (values != null) {
                    trilinear(source, channels, in, z, y, x, fill, values, at, volume);
                }
                if (nearest != null) {
                    nearest(in, z, y, x, nearest, at);
                }
            }
        }
    }

    /** For each coordinate, the flat index of the nearest source point (ties round up), or -1 outside. */
    private static void nearest(SpatialGrid grid, float[] z, float[] y, float[] x, int[] index, int at) {
        int d = grid.extent(0);
        int h = grid.extent(1);
        int w = grid.extent(2);
        for (int i = 0; i < x.length; i++) {
            float zi = z == null ? 0 : z[i];
            // written so that NaN coordinates fail the test too
            if (!(zi >= -0.5f && zi < d - 0.5f && y[i] >= -0.5f && y[i] < h - 0.5f && x[i] >= -0.5f
                    && x[i] < w - 0.5f)) {
                index[at + i] = -1;
                continue;
            }
            index[at + i] = (floor(zi + 0.5f) * h + floor(y[i] + 0.5f)) * w + floor(x[i] + 0.5f);
        }
    }

    private static void bilinear(float[] source, int channels, SpatialGrid grid, float[] y, float[] x, float fill,
                                 float[] values, int at0, int n) {
        int h = grid.extent(1);
        int w = grid.extent(2);
        int volume = h * w;
        for (int i = 0; i < x.length; i++) {
            int o = at0 + i;
            float yi = y[i];
            float xi = x[i];
            if (!(yi > -1 && yi < h && xi > -1 && xi < w)) {
                for (int c = 0; c < channels; c++) {
                    values[c * n + o] = fill;
                }
                continue;
            }
            int y0 = floor(yi);
            int x0 = floor(xi);
            float fy = yi - y0;
            float fx = xi - x0;
            int at = y0 * w + x0;
            if (y0 >= 0 && y0 < h - 1 && x0 >= 0 && x0 < w - 1) {
                for (int c = 0, base = at; c < channels; c++, base += volume) {
                    float top = source[base] + fx * (source[base + 1] - source[base]);
                    float bottom = source[base + w] + fx * (source[base + w + 1] - source[base + w]);
                    values[c * n + o] = top + fy * (bottom - top);
                }
                continue;
            }
            boolean y0in = y0 >= 0;
            boolean y1in = y0 + 1 < h;
            boolean x0in = x0 >= 0;
            boolean x1in = x0 + 1 < w;
            for (int c = 0, base = at; c < channels; c++, base += volume) {
                float v00 = y0in && x0in ? source[base] : fill;
                float v01 = y0in && x1in ? source[base + 1] : fill;
                float v10 = y1in && x0in ? source[base + w] : fill;
                float v11 = y1in && x1in ? source[base + w + 1] : fill;
                float top = v00 * (1 - fx) + v01 * fx;
                float bottom = v10 * (1 - fx) + v11 * fx;
                values[c * n + o] = top * (1 - fy) + bottom * fy;
            }
        }
    }

    private static void trilinear(float[] source, int channels, SpatialGrid grid, float[] z, float[] y,
                                  float[] x, float fill, float[] values, int at0, int n) {
        int d = grid.extent(0);
        int h = grid.extent(1);
        int w = grid.extent(2);
        int plane = h * w;
        int volume = d * plane;
        for (int i = 0; i < x.length; i++) {
            int o = at0 + i;
            float zi = z[i];
            float yi = y[i];
            float xi = x[i];
            if (!(zi > -1 && zi < d && yi > -1 && yi < h && xi > -1 && xi < w)) {
                for (int c = 0; c < channels; c++) {
                    values[c * n + o] = fill;
                }
                continue;
            }
            int z0 = floor(zi);
            int y0 = floor(yi);
            int x0 = floor(xi);
            float fz = zi - z0;
            float fy = yi - y0;
            float fx = xi - x0;
            int at = z0 * plane + y0 * w + x0;
            if (z0 >= 0 && z0 < d - 1 && y0 >= 0 && y0 < h - 1 && x0 >= 0 && x0 < w - 1) {
                for (int c = 0, b = at; c < channels; c++, b += volume) {
                    float a0 = lerp(source[b], source[b + 1], fx);
                    float a1 = lerp(source[b + w], source[b + w + 1], fx);
                    float b0 = lerp(source[b + plane], source[b + plane + 1], fx);
                    float b1 = lerp(source[b + plane + w], source[b + plane + w + 1], fx);
                    values[c * n + o] = lerp(lerp(a0, a1, fy), lerp(b0, b1, fy), fz);
                }
                continue;
            }
            trilinearBorder(source, channels, grid, z0, y0, x0, fz, fy, fx, fill, values, o, n);
        }
    }

    /** One point whose interpolation cell reaches outside the grid: outside corners read {@code fill}. */
    private static void trilinearBorder(float[] source, int channels, SpatialGrid grid, int z0, int y0, int x0,
                                        float fz, float fy, float fx, float fill, float[] values, int o, int n) {
        int d = grid.extent(0);
        int h = grid.extent(1);
        int w = grid.extent(2);
        int plane = h * w;
        // bit k of a mask: whether corner offset k along that axis lies inside the grid
        int zMask = (z0 >= 0 ? 1 : 0) | (z0 + 1 < d ? 2 : 0);
        int yMask = (y0 >= 0 ? 1 : 0) | (y0 + 1 < h ? 2 : 0);
        int xMask = (x0 >= 0 ? 1 : 0) | (x0 + 1 < w ? 2 : 0);
        for (int c = 0, b = z0 * plane + y0 * w + x0; c < channels; c++, b += d * plane) {
            float sum = 0;
            for (int dz = 0; dz < 2; dz++) {
                float wz = dz == 0 ? 1 - fz : fz;
                for (int dy = 0; dy < 2; dy++) {
                    float wy = wz * (dy == 0 ? 1 - fy : fy);
                    for (int dx = 0; dx < 2; dx++) {
                        float wxyz = wy * (dx == 0 ? 1 - fx : fx);
                        boolean inside = (zMask >> dz & yMask >> dy & xMask >> dx & 1) != 0;
                        sum += wxyz * (inside ? source[b + dz * plane + dy * w + dx] : fill);
                    }
                }
            }
            values[c * n + o] = sum;
        }
    }

    private static float lerp(float a, float b, float t) {
        return a + t * (b - a);
    }

    /** Floor of a value known to be > -2^31 (the callers have range-checked it). */
    static int floor(float v) {
        int i = (int) v;
        return v < i ? i - 1 : i;
    }
}
