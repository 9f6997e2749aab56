package io.pylon.data.loader;

/**
 * What the loader does with a sample that cannot be read or transformed (a {@link io.pylon.data.DataException}).
 * Failing is the default: a silently shrinking dataset is a correctness bug. Skipping is opt-in, logs
 * every skipped sample with its file and index, and still stops the run once more than {@code maxSkipped}
 * samples were skipped, since by then something is systematically wrong.
 *
 * @param skip leave bad samples out of their batch instead of failing
 * @param maxSkipped the most samples skipped over the loader's life before it fails anyway
 */
public record BadSamplePolicy(boolean skip, long maxSkipped) {

    public static final BadSamplePolicy FAIL = new BadSamplePolicy(false, 0);

    public BadSamplePolicy {
        if (maxSkipped < 0) {
            throw new IllegalArgumentException("maxSkipped must be >= 0, got " + maxSkipped);
        }
    }

    public static BadSamplePolicy skipUpTo(long maxSkipped) {
        return new BadSamplePolicy(true, maxSkipped);
    }
}
