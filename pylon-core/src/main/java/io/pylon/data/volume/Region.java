package io.pylon.data.volume;

/**
 * A box of voxels {@code [z0:z1, y0:y1, x0:x1]} (start inclusive, end exclusive) in a volume's
 * coordinates, e.g. a patch a {@link TiledVolume} reads.
 */
public record Region(long z0, long y0, long x0, long z1, long y1, long x1) {

    public Region {
        if (z1 <= z0 || y1 <= y0 || x1 <= x0) {
            throw new IllegalArgumentException("a region needs end > start on every axis, got " + describe(z0, y0,
                    x0, z1, y1, x1));
        }
    }

    /** The region of {@code size} voxels starting at {@code start} (both {@code [z, y, x]}). */
    public static Region at(long[] start, long[] size) {
        return new Region(start[0], start[1], start[2], start[0] + size[0], start[1] + size[1],
                start[2] + size[2]);
    }

    public long[] start() {
        return new long[] {z0, y0, x0};
    }

    public long[] end() {
        return new long[] {z1, y1, x1};
    }

    /** {@code [z1 - z0, y1 - y0, x1 - x0]}. */
    public long[] shape() {
        return new long[] {z1 - z0, y1 - y0, x1 - x0};
    }

    /** Whether the region lies inside {@code [0, shape)} on every axis. */
    public boolean inside(long[] shape) {
        return z0 >= 0 && y0 >= 0 && x0 >= 0 && z1 <= shape[0] && y1 <= shape[1] && x1 <= shape[2];
    }

    @Override
    public String toString() {
        return describe(z0, y0, x0, z1, y1, x1);
    }

    private static String describe(long z0, long y0, long x0, long z1, long y1, long x1) {
        return "[" + z0 + ":" + z1 + ", " + y0 + ":" + y1 + ", " + x0 + ":" + x1 + "]";
    }
}
