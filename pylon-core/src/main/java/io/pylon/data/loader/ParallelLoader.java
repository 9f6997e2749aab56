package io.pylon.data.loader;

import java.util.Arrays;
import java.util.Iterator;

import io.pylon.data.Batch;
import io.pylon.data.DataLoader;
import io.pylon.data.Dataset;
import io.pylon.data.sampler.Sampler;
import io.pylon.data.transform.Transform;

/**
 * Batches a {@link Dataset} with worker threads. Each worker builds whole batches (read, transform,
 * collate into pooled native buffers); at most {@code prefetch} batches are in flight ahead of the
 * consumer, and the consumer receives them in order. Since every sample's augmentation is seeded by
 * (seed, epoch, index), the batches are identical for any number of workers.
 *
 * <p>A batch's tensors stay valid until the next call to {@code next()} on its iterator: then its buffers
 * go back to the pool. (The trainer finishes a step before asking for the next batch; code that keeps a
 * batch longer must clone it.) A worker's exception is rethrown by {@code next()} or {@code hasNext()}
 * when the consumer reaches that batch, which is at most {@code prefetch} batches later.
 */
public final class ParallelLoader implements DataLoader {

    private final Sampler sampler;
    private final LoaderSettings settings;
    private final BatchProduction production;
    private final BatchAssembler assembler;

    /**
     * @param dataset the samples (shared by the workers: must be thread-safe)
     * @param sampler the order of each epoch
     * @param transform applied to every sample on the worker threads
     * @param source names the data in errors (e.g. the split and dataset)
     */
    public ParallelLoader(Dataset dataset, Sampler sampler, Transform transform, LoaderSettings settings,
            String source) {
        this.sampler = sampler;
        this.settings = settings;
        this.production = new BatchProduction(settings, source);
        this.assembler = new BatchAssembler(dataset, transform, settings, production.buffers(), source);
    }

    @Override
    public long batchesPerEpoch() {
        return settings.batchesFor(sampler.length());
    }

    @Override
    public long samples() {
        return sampler.length();
    }

    public LoaderSettings settings() {
        return settings;
    }

    /** Samples left out as bad so far (with the skip policy). */
    public long skippedSamples() {
        return assembler.skipped();
    }

    /** Native batch tensors created so far; stops growing once the pool is warm. */
    public long buffersAllocated() {
        return production.buffers().allocated();
    }

    /** Starting a new epoch cancels the batches still being prepared for the previous one. */
    @Override
    public Iterator<Batch> epoch(int epoch, long startBatch) {
        if (epoch < 0) {
            throw new IllegalArgumentException("epoch must be >= 0, got " + epoch);
        }
        long[] order = sampler.indices(epoch);
        return production.start(batch -> {
            int from = Math.toIntExact(batch * settings.batchSize());
            int to = Math.min(from + settings.batchSize(), order.length);
            long[] indices = Arrays.copyOfRange(order, from, to);
            return () -> assembler.build(indices, epoch);
        }, startBatch, batchesPerEpoch());
    }

    @Override
    public void close() {
        production.close();
    }
}
