package io.pylon.data.loader;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.LongFunction;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.pylon.data.Batch;

/**
 * One epoch's batches, built ahead by worker threads and handed out in order: at most {@code prefetch} are
 * in flight; a batch's buffers return to the pool when the next one is taken; a failed batch rethrows its
 * exception on the consuming thread when reached; batches whose samples were all skipped are passed over.
 * Without workers each batch is built on the consuming thread when asked for.
 */
final class OrderedBatches implements Iterator<Batch> {

    private static final Logger LOG = LoggerFactory.getLogger(OrderedBatches.class);

    private final LongFunction<Callable<Collator.Collated>> task;
    private final long end;
    private final ExecutorService workers;
    private final int prefetch;
    private final BatchBuffers buffers;
    private final Deque<Future<Collator.Collated>> inFlight = new ArrayDeque<>();
    private long nextToSubmit;
    private Collator.Collated ready;
    private Collator.Collated delivered;
    private boolean cancelled;

    /**
     * @param task builds batch {@code b} of the epoch (returns null when all its samples were skipped)
     * @param startBatch first batch to build (resume)
     * @param end one past the last batch
     * @param workers the loader's threads, or null to build on the consuming thread
     */
    OrderedBatches(LongFunction<Callable<Collator.Collated>> task, long startBatch, long end, ExecutorService workers,
            int prefetch, BatchBuffers buffers) {
        this.task = task;
        this.end = end;
        this.workers = workers;
        this.prefetch = prefetch;
        this.buffers = buffers;
        this.nextToSubmit = startBatch;
        fill();
    }

    private void fill() {
        while (workers != null && inFlight.size() < prefetch && nextToSubmit < end) {
            inFlight.add(workers.submit(task.apply(nextToSubmit++)));
        }
    }

    /** Takes the next non-empty batch off the queue (or builds it inline without workers). */
    private Collator.Collated take() {
        while (true) {
            Collator.Collated batch;
            if (workers == null) {
                if (nextToSubmit >= end) {
                    return null;
                }
                batch = callInline(task.apply(nextToSubmit++));
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
        return new Batch(delivered.inputs().tensor().narrow(0, 0, n), delivered.targets().tensor().narrow(0, 0, n),
                delivered.indices());
    }

    /** Drops the batches in flight (returning their buffers) and ends the iteration. */
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

    private static Collator.Collated callInline(Callable<Collator.Collated> build) {
        try {
            return build.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("building a batch failed: " + e, e);
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
                // rethrown on the consumer's thread; the worker's stack stays in the exception
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
