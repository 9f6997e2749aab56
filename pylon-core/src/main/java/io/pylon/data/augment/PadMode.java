package io.pylon.data.augment;

/**
 * What lies outside a grid when a window reaches past its border, for source index {@code i} of an axis of
 * length {@code n} (numpy's {@code np.pad} modes of the same names).
 */
enum PadMode {
    /** A constant: the transform's {@code padding_value} for the input, {@code target_padding_value} for a dense target. */
    CONSTANT,
    /** The nearest border value: {@code clamp(i, 0, n - 1)}. */
    EDGE,
    /** Mirrored about the border without repeating it: {@code -1 -> 1}, {@code n -> n - 2}. */
    REFLECT;

    /** The source index of {@code i}, or -1 for a constant. */
    int source(int i, int n) {
        if (i >= 0 && i < n) {
            return i;
        }
        return switch (this) {
            case CONSTANT -> -1;
            case EDGE -> i < 0 ? 0 : n - 1;
            case REFLECT -> reflect(i, n);
        };
    }

    private static int reflect(int i, int n) {
        if (n == 1) {
            return 0;
        }
        int period = 2 * (n - 1);
        int j = Math.floorMod(i, period);
        return j < n ? j : period - j;
    }
}
