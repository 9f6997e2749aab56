package io.pylon.data.sampler;

import io.pylon.data.Permutations;

/**
 * {@code 0, 1, ..., size - 1} every epoch (evaluation, and training without shuffling).
 *
 * @param size number of samples
 */
public record SequentialSampler(long size) implements Sampler {

    public SequentialSampler {
        Samplers.checkSize(size);
    }

    @Override
    public long length() {
        return size;
    }

    @Override
    public long[] indices(int epoch) {
        return Permutations.identity((int) size);
    }
}
