package io.pylon.data.sampler;

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
        long[] order = new long[(int) size];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        return order;
    }
}
