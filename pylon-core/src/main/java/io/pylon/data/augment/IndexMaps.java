package io.pylon.data.augment;

/**
 * Separable index maps: output axis {@code a} reads source axis {@code from[a]} at {@code tables[a][i]} (or
 * nothing where the table holds -1). Flips, 90° rotations (an axis swap plus a flip), crops and padding are
 * all of this form, so each costs three small tables and one pass that writes the flat map.
 */
final class IndexMaps {

    private IndexMaps() {
    }

    /**
     * The flat map from an output grid of extents {@code (tables[0].length, tables[1].length, tables[2].length)}
     * into {@code source}: the source flat index of each output point, or -1.
     */
    static int[] separable(SpatialGrid source, int[] from, int[][] tables) {
        int[] stride = source.strides();
        int[] offZ = offsets(tables[0], stride[from[0]]);
        int[] offY = offsets(tables[1], stride[from[1]]);
        int[] offX = offsets(tables[2], stride[from[2]]);
        int[] map = new int[offZ.length * offY.length * offX.length];
        int o = 0;
        for (int z : offZ) {
            for (int y : offY) {
                int base = z < 0 || y < 0 ? -1 : z + y;
                for (int x : offX) {
                    map[o++] = base < 0 || x < 0 ? -1 : base + x;
                }
            }
        }
        return map;
    }

    /** Flat offsets of a table's entries along an axis of {@code stride}; -1 stays -1. */
    private static int[] offsets(int[] table, int stride) {
        int[] out = new int[table.length];
        for (int i = 0; i < table.length; i++) {
            out[i] = table[i] < 0 ? -1 : table[i] * stride;
        }
        return out;
    }

    /** The map of a same-axes reordering ({@code from} = identity). */
    static int[] separable(SpatialGrid source, int[][] tables) {
        return separable(source, new int[] {0, 1, 2}, tables);
    }

    /** The extents of the output grid of {@code tables}. */
    static int[] extents(int[][] tables) {
        return new int[] {tables[0].length, tables[1].length, tables[2].length};
    }

    /** {@code i -> i}. */
    static int[] identity(int n) {
        return window(n, 0, n, PadMode.CONSTANT);
    }

    /** {@code i -> n - 1 - i}. */
    static int[] reversed(int n) {
        int[] table = new int[n];
        for (int i = 0; i < n; i++) {
            table[i] = n - 1 - i;
        }
        return table;
    }

    /**
     * A window of {@code length} points starting at source index {@code start} (negative, or reaching past
     * {@code n}, where it covers padding read as {@code mode} says).
     */
    static int[] window(int n, int start, int length, PadMode mode) {
        int[] table = new int[length];
        for (int i = 0; i < length; i++) {
            table[i] = mode.source(start + i, n);
        }
        return table;
    }

    /** Identity tables for every axis of {@code grid}. */
    static int[][] identities(SpatialGrid grid) {
        return new int[][] {identity(grid.extent(0)), identity(grid.extent(1)), identity(grid.extent(2))};
    }
}
