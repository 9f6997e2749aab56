package io.pylon.data.augment;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import io.pylon.config.Default;
import io.pylon.config.InvalidValueException;
import io.pylon.data.Sample;
import io.pylon.data.transform.Transform;

/**
 * {@code clahe}: contrast-limited adaptive histogram equalisation (Zuiderveld 1994), in the spirit of
 * skimage {@code equalize_adapthist}. Deterministic; the output lies in [0, 1].
 *
 * <p>Each channel is first rescaled to [0, 1] by its minimum and maximum (a constant channel becomes 0).
 * Then every 2D slice (each {@code [H, W]} image; each depth slice of a volume, processed independently) is
 * cut into a {@code tiles = [rows, cols]} grid of tiles of {@code ceil(H / rows) x ceil(W / cols)} pixels. Each
 * tile gets a {@code bins}-bin histogram, clipped at {@code max(1, clip_limit * tile pixels)} counts with the
 * clipped excess spread evenly over all bins ({@code clip_limit: 0} disables clipping: plain adaptive
 * equalisation), and its mapping is the normalised cumulative histogram. A pixel's output is the bilinear
 * interpolation, between the four nearest tile centres (the nearest one or two at the borders), of those
 * tiles' mappings evaluated at the pixel's bin. One tile ({@code tiles: [1, 1]}) is plain histogram
 * equalisation and therefore monotonic.
 *
 * @param tiles tile grid [rows, cols], each &gt;= 1 (capped at the slice size)
 * @param clipLimit clip limit as a fraction of a tile's pixels, in [0, 1]; 0 = no clipping
 * @param bins histogram bins, 2 to 65536
 */
record Clahe(@Default("[8, 8]") List<Integer> tiles, @Default("0.01") double clipLimit,
             @Default("256") int bins) implements Transform {

    public Clahe {
        tiles = List.copyOf(tiles);
        InvalidValueException.require(tiles.size() == 2 && tiles.get(0) >= 1 && tiles.get(1) >= 1, "tiles",
                "must be a [rows, cols] pair of integers >= 1, got %s", tiles);
        InvalidValueException.require(clipLimit >= 0 && clipLimit <= 1, "clip_limit",
                "must be in [0, 1] (0 = no clipping), got %s", clipLimit);
        InvalidValueException.require(bins >= 2 && bins <= 65536, "bins", "must be in [2, 65536], got %d", bins);
    }

    @Override
    public Sample apply(Sample sample, SplittableRandom random) {
        int[] dims = IntensityMath.imageShape(sample, "clahe");
        int height = dims[dims.length - 2];
        int width = dims[dims.length - 1];
        int perChannel = IntensityMath.voxels(dims);
        int slices = perChannel / (height * width);
        float[] values = sample.input().toFloats();
        Grid rows = Grid.of(height, tiles.get(0));
        Grid cols = Grid.of(width, tiles.get(1));
        int[] bin = new int[height * width];
        float[] maps = new float[rows.count * cols.count * bins];
        float[] histogram = new float[bins];
        for (int c = 0; c < dims[0]; c++) {
            float[] range = IntensityMath.minMax(values, c * perChannel, perChannel);
            double span = (double) range[1] - range[0];
            for (int s = 0; s < slices; s++) {
                int base = (c * slices + s) * height * width;
                for (int i = 0; i < height * width; i++) {
                    double v = span > 0 ? (values[base + i] - range[0]) / span : 0;
                    bin[i] = Math.min(bins - 1, (int) (v * bins));
                }
                if (!(span > 0)) {
                    Arrays.fill(values, base, base + height * width, 0f);
                    continue;
                }
                tileMappings(bin, width, rows, cols, maps, histogram);
                interpolate(values, base, bin, width, rows, cols, maps);
            }
        }
        return IntensityMath.withValues(sample, values);
    }

    /** The clipped, normalised cumulative histogram of every tile, tile (r, c) at {@code (r * cols + c) * bins}. */
    private void tileMappings(int[] bin, int width, Grid rows, Grid cols, float[] maps, float[] histogram) {
        for (int r = 0; r < rows.count; r++) {
            for (int c = 0; c < cols.count; c++) {
                Arrays.fill(histogram, 0f);
                int y0 = r * rows.size;
                int y1 = Math.min(y0 + rows.size, rows.length);
                int x0 = c * cols.size;
                int x1 = Math.min(x0 + cols.size, cols.length);
                for (int y = y0; y < y1; y++) {
                    for (int x = x0; x < x1; x++) {
                        histogram[bin[y * width + x]]++;
                    }
                }
                int pixels = (y1 - y0) * (x1 - x0);
                clip(histogram, clipLimit > 0 ? Math.max(1, clipLimit * pixels) : Double.POSITIVE_INFINITY);
                int offset = (r * cols.count + c) * bins;
                double cumulative = 0;
                for (int b = 0; b < bins; b++) {
                    cumulative += histogram[b];
                    maps[offset + b] = (float) Math.min(1.0, cumulative / pixels);
                }
            }
        }
    }

    /** Caps every bin at {@code limit} and adds the removed counts back evenly (the total is kept). */
    private static void clip(float[] histogram, double limit) {
        double excess = 0;
        for (int b = 0; b < histogram.length; b++) {
            if (histogram[b] > limit) {
                excess += histogram[b] - limit;
                histogram[b] = (float) limit;
            }
        }
        float share = (float) (excess / histogram.length);
        for (int b = 0; b < histogram.length; b++) {
            histogram[b] += share;
        }
    }

    private void interpolate(float[] values, int base, int[] bin, int width, Grid rows, Grid cols, float[] maps) {
        for (int y = 0; y < rows.length; y++) {
            int r0 = rows.lower[y];
            int r1 = rows.upper[y];
            float wy = rows.weight[y];
            for (int x = 0; x < width; x++) {
                int c0 = cols.lower[x];
                int c1 = cols.upper[x];
                float wx = cols.weight[x];
                int b = bin[y * width + x];
                float top = (1 - wx) * maps[(r0 * cols.count + c0) * bins + b]
                        + wx * maps[(r0 * cols.count + c1) * bins + b];
                float bottom = (1 - wx) * maps[(r1 * cols.count + c0) * bins + b]
                        + wx * maps[(r1 * cols.count + c1) * bins + b];
                values[base + y * width + x] = (1 - wy) * top + wy * bottom;
            }
        }
    }

    /**
     * Tiles along one axis of {@code length} pixels: {@code count} tiles of {@code size} pixels (the last may be
     * shorter) and, per pixel, the tiles whose centres bracket it with the weight of the upper one.
     */
    private record Grid(int length, int size, int count, int[] lower, int[] upper, float[] weight) {

        static Grid of(int length, int requested) {
            int size = (length + Math.min(requested, length) - 1) / Math.min(requested, length);
            int count = (length + size - 1) / size;
            double[] centre = new double[count];
            for (int t = 0; t < count; t++) {
                int end = Math.min((t + 1) * size, length);
                centre[t] = (t * size + end - 1) / 2.0;
            }
            int[] lower = new int[length];
            int[] upper = new int[length];
            float[] weight = new float[length];
            int t = 0;
            for (int i = 0; i < length; i++) {
                while (t + 1 < count && centre[t + 1] <= i) {
                    t++;
                }
                if (i <= centre[0] || t + 1 >= count) {
                    lower[i] = upper[i] = i <= centre[0] ? 0 : count - 1;
                } else {
                    lower[i] = t;
                    upper[i] = t + 1;
                    weight[i] = (float) ((i - centre[t]) / (centre[t + 1] - centre[t]));
                }
            }
            return new Grid(length, size, count, lower, upper, weight);
        }
    }

    @Override
    public boolean isRandom() {
        return false;
    }
}
