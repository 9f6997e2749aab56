package io.pylon.data.loader;

import io.pylon.data.DataLoader;

/**
 * How a {@link ParallelLoader} batches and parallelises.
 *
 * @param batchSize samples per batch
 * @param dropLast drop the last, incomplete batch of an epoch
 * @param workers threads that read, transform and collate batches; 0 builds each batch on the calling
 *     thread when it is asked for (no prefetch)
 * @param prefetch batches built ahead of the consumer (bounded memory: at most this many wait)
 * @param seed base of every sample's augmentation seed (with the epoch and the sample index)
 * @param badSamples what to do with a sample that cannot be read
 */
public record LoaderSettings(int batchSize, boolean dropLast, int workers, int prefetch, long seed,
        BadSamplePolicy badSamples) {

    public LoaderSettings {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be >= 1, got " + batchSize);
        }
        if (workers < 0) {
            throw new IllegalArgumentException("workers must be >= 0, got " + workers);
        }
        if (prefetch < 1) {
            throw new IllegalArgumentException("prefetch must be >= 1, got " + prefetch);
        }
    }

    /** Batches an epoch of {@code samples} samples makes. */
    public long batchesFor(long samples) {
        return DataLoader.batchCount(samples, batchSize, dropLast);
    }

    /** Batches of {@code batchSize} built by {@code workers} threads, two per worker ahead, failing on bad samples. */
    public static LoaderSettings of(int batchSize, int workers, long seed) {
        return new LoaderSettings(batchSize, false, workers, Math.max(2, 2 * workers), seed, BadSamplePolicy.FAIL);
    }

    public LoaderSettings withDropLast(boolean drop) {
        return new LoaderSettings(batchSize, drop, workers, prefetch, seed, badSamples);
    }

    public LoaderSettings withBadSamples(BadSamplePolicy policy) {
        return new LoaderSettings(batchSize, dropLast, workers, prefetch, seed, policy);
    }
}
