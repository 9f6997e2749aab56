package io.pylon.data.sampler;

import io.pylon.data.Permutations;

/**
 * A fresh permutation of {@code 0..size-1} every epoch, seeded by (seed, epoch) — see {@link Permutations}
 * for why {@link java.util.Random} draws it.
 *
 * @param size number of samples
 * @param seed the run's data seed
 */
public record RandomSampler(long size, long seed) implements Sampler {

    public RandomSampler {
        Samplers.checkSize(size);
    }

    @Override
    public long length() {
        return size;
    }

    @Override
    public long[] indices(int epoch) {
        return Permutations.forEpoch(seed, epoch, (int) size);
    }
}
