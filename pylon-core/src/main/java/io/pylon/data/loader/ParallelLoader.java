package io.pylon.data.loader;

import java.util.Arrays;
import java.util.Iterator;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

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
    private final BatchBuffers buffers;
    private final BatchAssembler assembler;
    private final ExecutorService workers;
    private OrderedBatches current;

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
        this.buffers = new BatchBuffers(settings.prefetch() + 2);
        this.assembler = new BatchAssembler(dataset, transform, settings, buffers, source);
        this.workers = workerPool(settings.workers(), source);
    }

    @Override
    public long batchesPerEpoch() {
        long n = sampler.length();
        int b = settings.batchSize();
        return settings.dropLast() ? n / b : (n + b - 1) / b;
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
        return buffers.allocated();
    }

    /** Starting a new epoch cancels the batches still being prepared for the previous one. */
    @Override
    public synchronized Iterator<Batch> epoch(int epoch, long startBatch) {
        if (epoch < 0) {
            throw new IllegalArgumentException("epoch must be >= 0, got " + epoch);
        }
        if (startBatch < 0 || startBatch > batchesPerEpoch()) {
            throw new IllegalArgumentException("start batch must be in [0, " + batchesPerEpoch() + "], got "
                    + startBatch);
        }
        if (current != null) {
            current.cancel();
        }
        long[] order = sampler.indices(epoch);
        current = new OrderedBatches(batch -> {
            int from = Math.toIntExact(batch * settings.batchSize());
            int to = Math.min(from + settings.batchSize(), order.length);
            long[] indices = Arrays.copyOfRange(order, from, to);
            return () -> assembler.build(indices, epoch);
        }, startBatch, batchesPerEpoch(), workers, settings.prefetch(), buffers);
        return current;
    }

    @Override
    public synchronized void close() {
        if (current != null) {
            current.cancel();
        }
        if (workers != null) {
            workers.shutdownNow();
        }
        buffers.close();
    }

    /** Daemon threads (a crashed run must not hang on them), or null for none. */
    static ExecutorService workerPool(int workers, String source) {
        if (workers == 0) {
            return null;
        }
        AtomicInteger count = new AtomicInteger();
        return Executors.newFixedThreadPool(workers, task -> {
            Thread thread = new Thread(task, "pylon-loader-" + count.incrementAndGet() + " (" + source + ")");
            thread.setDaemon(true);
            return thread;
        });
    }

}
