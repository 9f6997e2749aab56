package io.pylon.data.sampler;

/** Checks shared by the samplers. */
final class Samplers {

    private Samplers() {
    }

    /** Orders are Java arrays, so an epoch holds at most {@code Integer.MAX_VALUE - 8} indices. */
    static void checkSize(long size) {
        if (size < 0 || size > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("a sampler draws between 0 and " + (Integer.MAX_VALUE - 8)
                    + " indices per epoch, got " + size);
        }
    }
}
