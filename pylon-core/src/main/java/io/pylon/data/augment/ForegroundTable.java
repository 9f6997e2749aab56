package io.pylon.data.augment;

import io.pylon.data.array.NdArray;

/**
 * A summed-volume table of a dense target's foreground (points where any target slice differs from the
 * background value), so that the foreground count of any box costs eight reads: crop rejection sampling can
 * try many positions for the price of one pass over the target.
 */
final class ForegroundTable {

    private final int[] extent;
    private final int[] sums;

    private ForegroundTable(int[] extent, int[] sums) {
        this.extent = extent;
        this.sums = sums;
    }

    static ForegroundTable of(NdArray target, SpatialGrid grid, double background) {
        int volume = grid.volume();
        int slices = Math.toIntExact(target.size() / volume);
        boolean[] foreground = new boolean[volume];
        if (target.dtype().isFloatingPoint()) {
            float[] values = target.toFloats();
            for (int s = 0, at = 0; s < slices; s++) {
                for (int i = 0; i < volume; i++) {
                    foreground[i] |= values[at++] != background;
                }
            }
        } else {
            long[] values = target.toLongs();
            for (int s = 0, at = 0; s < slices; s++) {
                for (int i = 0; i < volume; i++) {
                    foreground[i] |= values[at++] != background;
                }
            }
        }
        int d = grid.extent(0);
        int h = grid.extent(1);
        int w = grid.extent(2);
        int[] sums = new int[(d + 1) * (h + 1) * (w + 1)];
        int sy = w + 1;
        int sz = (h + 1) * sy;
        int at = 0;
        for (int z = 0; z < d; z++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int s = (z + 1) * sz + (y + 1) * sy + x + 1;
                    sums[s] = (foreground[at++] ? 1 : 0) + sums[s - sz] + sums[s - sy] + sums[s - 1]
                            - sums[s - sz - sy] - sums[s - sz - 1] - sums[s - sy - 1] + sums[s - sz - sy - 1];
                }
            }
        }
        return new ForegroundTable(grid.extent(), sums);
    }

    /** Foreground points in the box {@code [start, start + size)} per internal axis (clipped to the grid). */
    int count(int[] start, int[] size) {
        int[] lo = new int[3];
        int[] hi = new int[3];
        for (int a = 0; a < 3; a++) {
            lo[a] = Math.clamp(start[a], 0, extent[a]);
            hi[a] = Math.clamp((long) start[a] + size[a], 0, extent[a]);
            if (hi[a] <= lo[a]) {
                return 0;
            }
        }
        int sy = extent[2] + 1;
        int sz = (extent[1] + 1) * sy;
        return sums[hi[0] * sz + hi[1] * sy + hi[2]] - sums[lo[0] * sz + hi[1] * sy + hi[2]]
                - sums[hi[0] * sz + lo[1] * sy + hi[2]] - sums[hi[0] * sz + hi[1] * sy + lo[2]]
                + sums[lo[0] * sz + lo[1] * sy + hi[2]] + sums[lo[0] * sz + hi[1] * sy + lo[2]]
                + sums[hi[0] * sz + lo[1] * sy + lo[2]] - sums[lo[0] * sz + lo[1] * sy + lo[2]];
    }
}
