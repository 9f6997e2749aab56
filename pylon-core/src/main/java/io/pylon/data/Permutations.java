package io.pylon.data;

import java.util.Random;

import io.pylon.engine.Seeds;

/**
 * Per-epoch sample orders. {@link Random} is used on purpose: its algorithm is fixed by the Java
 * specification, so an order is the same on every JDK, platform and thread count, and drawing from it
 * leaves libtorch's generator (model init, dropout) untouched.
 */
public final class Permutations {

    private Permutations() {
    }

    /** A Fisher-Yates shuffle of {@code 0..n-1} seeded by {@code Seeds.derive(seed, epoch)}. */
    public static long[] forEpoch(long seed, int epoch, int n) {
        long[] order = identity(n);
        Random random = new Random(Seeds.derive(seed, epoch));
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            long t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    public static long[] identity(int n) {
        long[] order = new long[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        return order;
    }
}
