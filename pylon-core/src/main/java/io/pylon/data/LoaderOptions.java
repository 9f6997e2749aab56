package io.pylon.data;

/**
 * How an {@link InMemoryLoader} batches its samples.
 *
 * @param batchSize samples per batch
 * @param shuffle permute the samples anew every epoch
 * @param seed base seed of the per-epoch permutations (ignored without shuffle)
 * @param dropLast drop the last batch when it is incomplete
 * @param limit use only the first {@code limit} samples; 0 = all
 */
public record LoaderOptions(int batchSize, boolean shuffle, long seed, boolean dropLast, long limit) {

    public LoaderOptions {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be >= 1, got " + batchSize);
        }
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be >= 0 (0 = all), got " + limit);
        }
    }

    /** In-order batches of every sample (evaluation). */
    public static LoaderOptions sequential(int batchSize) {
        return new LoaderOptions(batchSize, false, 0, false, 0);
    }
}
