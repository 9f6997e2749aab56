package io.pylon.data;

import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;

import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;

import io.pylon.engine.Tensors;

/**
 * Batches a dataset that fits in memory as two tensors. Each batch is gathered with {@code index_select}
 * when {@code next()} is called, so its tensors belong to the caller's step scope and only one batch is
 * alive at a time; the epoch order itself is a {@code long[]} computed up front by {@link Permutations}.
 */
public final class InMemoryLoader implements DataLoader {

    private final LabelledTensors data;
    private final LoaderOptions options;
    private final int samples;

    /** The tensors stay owned by the caller and must outlive this loader. */
    public InMemoryLoader(LabelledTensors data, LoaderOptions options) {
        long size = data.size();
        long used = options.limit() == 0 ? size : Math.min(size, options.limit());
        if (used > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("an in-memory loader holds at most " + Integer.MAX_VALUE
                    + " samples, got " + used);
        }
        this.data = data;
        this.options = options;
        this.samples = (int) used;
    }

    @Override
    public long batchesPerEpoch() {
        return DataLoader.batchCount(samples, options.batchSize(), options.dropLast());
    }

    @Override
    public long samples() {
        return samples;
    }

    public LoaderOptions options() {
        return options;
    }

    /** The dataset indices of epoch {@code epoch} in visiting order (before batching and drop_last). */
    public long[] order(int epoch) {
        return options.shuffle() ? Permutations.forEpoch(options.seed(), epoch, samples)
                : Permutations.identity(samples);
    }

    @Override
    public Iterator<Batch> epoch(int epoch, long startBatch) {
        if (epoch < 0) {
            throw new IllegalArgumentException("epoch must be >= 0, got " + epoch);
        }
        if (startBatch < 0 || startBatch > batchesPerEpoch()) {
            throw new IllegalArgumentException("start batch must be in [0, " + batchesPerEpoch() + "], got "
                    + startBatch);
        }
        return new BatchIterator(order(epoch), startBatch);
    }

    private final class BatchIterator implements Iterator<Batch> {

        private final long[] order;
        private final long end = batchesPerEpoch();
        private long next;

        BatchIterator(long[] order, long startBatch) {
            this.order = order;
            this.next = startBatch;
        }

        @Override
        public boolean hasNext() {
            return next < end;
        }

        @Override
        public Batch next() {
            if (!hasNext()) {
                throw new NoSuchElementException("epoch has " + end + " batches");
            }
            int from = Math.toIntExact(next * options.batchSize());
            int to = Math.min(from + options.batchSize(), order.length);
            next++;
            long[] indices = Arrays.copyOfRange(order, from, to);
            Tensor index = Tensors.fromLongs(indices, indices.length);
            return new Batch(torch.index_select(data.inputs(), 0, index), torch.index_select(data.targets(), 0, index),
                    indices);
        }
    }
}
