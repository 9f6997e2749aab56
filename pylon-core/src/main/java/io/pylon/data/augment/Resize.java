package io.pylon.data.augment;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import io.pylon.config.Default;
import io.pylon.data.Sample;
import io.pylon.data.transform.Transform;

/**
 * Resamples the sample to {@code size}. Output index {@code o} of an axis resized from {@code n} to
 * {@code m} points reads source coordinate {@code (o + 0.5) n / m - 0.5}, clamped to {@code [0, n - 1]}
 * (torch's {@code interpolate} with {@code align_corners=False} and no antialiasing; the clamp repeats the
 * border). The input is read as {@code mode} says, a dense target by nearest neighbour (torch's
 * {@code nearest-exact}), so labels keep their values and dtype.
 *
 * @param size output extents, one per spatial axis, each >= 1
 * @param mode {@code linear} (output float32) or {@code nearest} for the input
 */
record Resize(List<Integer> size, @Default("linear") Interpolation mode) implements Transform {

    static final String NAME = "resize";

    public Resize {
        size = SpatialChecks.size(size, "size");
    }

    @Override
    public Sample apply(Sample sample, SplittableRandom random) {
        SpatialGrid grid = SpatialGrid.of(sample, NAME);
        SpatialGrid out = grid.with(grid.internal(size, "size", NAME, sample));
        float[][] axes = new float[3][];
        for (int a = 0; a < 3; a++) {
            axes[a] = coordinates(grid.extent(a), out.extent(a));
        }
        SourceRows rows = (z, y, sz, sy, sx) -> {
            if (sz != null) {
                Arrays.fill(sz, axes[0][z]);
            }
            Arrays.fill(sy, axes[1][y]);
            System.arraycopy(axes[2], 0, sx, 0, sx.length);
        };
        return Remap.warp(sample, grid, out, rows, mode, 0, 0);
    }

    /** Source coordinate of each of {@code m} output points along an axis of {@code n} points. */
    static float[] coordinates(int n, int m) {
        float[] c = new float[m];
        double scale = (double) n / m;
        for (int o = 0; o < m; o++) {
            c[o] = (float) Math.clamp((o + 0.5) * scale - 0.5, 0.0, n - 1.0);
        }
        return c;
    }

    @Override
    public boolean isRandom() {
        return false;
    }
}
