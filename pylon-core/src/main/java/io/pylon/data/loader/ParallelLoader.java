package io.pylon.data.loader;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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

    private static final Logger LOG = LoggerFactory.getLogger(ParallelLoader.class);

    private final Sampler sampler;
    private final LoaderSettings settings;
    private final BatchBuffers buffers;
    private final BatchAssembler assembler;
    private final ExecutorService workers;
    private EpochIterator current;

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
        this.workers = settings.workers() == 0 ? null : Executors.newFixedThreadPool(settings.workers(),
                daemonThreads(source));
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
        current = new EpochIterator(sampler.indices(epoch), epoch, startBatch, batchesPerEpoch());
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

    private static java.util.concurrent.ThreadFactory daemonThreads(String source) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "pylon-loader-" + count.incrementAndGet() + " (" + source + ")");
            thread.setDaemon(true);
            return thread;
        };
    }

    private final class EpochIterator implements Iterator<Batch> {

        private final long[] order;
        private final int epoch;
        private final long end;
        private final Deque<Future<Collator.Collated>> inFlight = new ArrayDeque<>();
        private long nextToSubmit;
        private Collator.Collated ready;
        private Collator.Collated delivered;
        private boolean cancelled;

        EpochIterator(long[] order, int epoch, long startBatch, long end) {
            this.order = order;
            this.epoch = epoch;
            this.end = end;
            this.nextToSubmit = startBatch;
            fill();
        }

        private void fill() {
            while (workers != null && inFlight.size() < settings.prefetch() && nextToSubmit < end) {
                long[] indices = indicesOf(nextToSubmit++);
                inFlight.add(workers.submit(() -> assembler.build(indices, epoch)));
            }
        }

        private long[] indicesOf(long batch) {
            int from = Math.toIntExact(batch * settings.batchSize());
            int to = Math.min(from + settings.batchSize(), order.length);
            return Arrays.copyOfRange(order, from, to);
        }

        /** Takes the next non-empty batch off the queue (or builds it inline without workers). */
        private Collator.Collated take() {
            while (true) {
                Collator.Collated batch;
                if (workers == null) {
                    if (nextToSubmit >= end) {
                        return null;
                    }
                    batch = assembler.build(indicesOf(nextToSubmit++), epoch);
                } else {
                    Future<Collator.Collated> future = inFlight.poll();
                    if (future == null) {
                        return null;
                    }
                    batch = await(future);
                    fill();
                }
                if (batch != null) {
                    return batch;
                }
            }
        }

        @Override
        public synchronized boolean hasNext() {
            if (cancelled) {
                return false;
            }
            if (ready == null) {
                ready = take();
            }
            return ready != null;
        }

        @Override
        public synchronized Batch next() {
            if (!hasNext()) {
                throw new NoSuchElementException("the epoch has no more batches");
            }
            recycle(delivered);
            delivered = ready;
            ready = null;
            int n = delivered.count();
            // fresh handles in the caller's step scope; the storage stays the pool's
            return new Batch(delivered.inputs().tensor().narrow(0, 0, n),
                    delivered.targets().tensor().narrow(0, 0, n), delivered.indices());
        }

        synchronized void cancel() {
            cancelled = true;
            for (Future<Collator.Collated> future : inFlight) {
                if (!future.cancel(false)) {
                    recycle(awaitQuietly(future));
                }
            }
            inFlight.clear();
            recycle(ready);
            recycle(delivered);
            ready = null;
            delivered = null;
        }

        private void recycle(Collator.Collated batch) {
            if (batch != null) {
                buffers.release(batch.inputs());
                buffers.release(batch.targets());
            }
        }
    }

    private static Collator.Collated await(Future<Collator.Collated> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a batch", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                // rethrown on the consumer's thread; keep the worker's stack as the cause's
                runtime.addSuppressed(new RuntimeException("rethrown by the loader on the consuming thread"));
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("a loader worker failed: " + cause, cause);
        }
    }

    /** Waits for a batch being dropped, so its buffers return to the pool; its failure no longer matters. */
    private static Collator.Collated awaitQuietly(Future<Collator.Collated> future) {
        try {
            return future.get();
        } catch (ExecutionException | CancellationException e) {
            // the batch was abandoned together with its epoch, so its error has no consumer
            LOG.debug("an abandoned batch failed", e);
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
