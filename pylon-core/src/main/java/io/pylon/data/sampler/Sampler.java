package io.pylon.data.sampler;

/**
 * The order in which a loader visits dataset indices, epoch by epoch. Every order is a pure function of
 * (seed, epoch), so runs repeat, resume at any batch, and do not depend on the number of loader threads.
 */
public sealed interface Sampler permits SequentialSampler, RandomSampler, WeightedSampler, ShardedSampler {

    /** Indices drawn per epoch. */
    long length();

    /** The dataset indices of {@code epoch}, in visiting order ({@link #length()} of them). */
    long[] indices(int epoch);
}
