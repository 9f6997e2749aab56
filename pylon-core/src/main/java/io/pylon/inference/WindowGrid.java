package io.pylon.inference;

import java.util.ArrayList;
import java.util.List;

/**
 * Window start positions over a (padded) volume, as MONAI's {@code dense_patch_slices}: along an axis of
 * length {@code n >= w}, windows start every {@code max(1, floor(w * (1 - overlap)))} voxels and the last one
 * is clamped to end at {@code n}, so every voxel is covered and no window leaves the volume.
 */
final class WindowGrid {

    private WindowGrid() {
    }

    /** Starts along one axis. */
    static long[] starts(long length, long window, double overlap) {
        if (length <= window) {
            return new long[] {0};
        }
        long interval = Math.max(1, (long) Math.floor(window * (1 - overlap)));
        long count = ceilDiv(length - window, interval) + 1;
        List<Long> starts = new ArrayList<>();
        for (long i = 0; i < count; i++) {
            long start = Math.min(i * interval, length - window);
            if (starts.isEmpty() || starts.getLast() != start) {
                starts.add(start);
            }
        }
        return starts.stream().mapToLong(Long::longValue).toArray();
    }

    /** Every window's start corner, the last axis varying fastest. */
    static List<long[]> corners(long[] padded, long[] window, double overlap) {
        List<long[]> corners = new ArrayList<>();
        corners.add(new long[0]);
        for (int a = 0; a < padded.length; a++) {
            long[] axis = starts(padded[a], window[a], overlap);
            List<long[]> next = new ArrayList<>();
            for (long[] prefix : corners) {
                for (long s : axis) {
                    long[] corner = java.util.Arrays.copyOf(prefix, prefix.length + 1);
                    corner[prefix.length] = s;
                    next.add(corner);
                }
            }
            corners = next;
        }
        return corners;
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
