package io.pylon.data.loader;

import java.util.Iterator;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongFunction;

import io.pylon.data.Batch;

/**
 * What both loaders run batches on: the worker threads, the pool of batch buffers and the epoch being
 * served. Starting an epoch cancels the batches still being prepared for the previous one.
 */
final class BatchProduction implements AutoCloseable {

    private final LoaderSettings settings;
    private final BatchBuffers buffers;
    private final ExecutorService workers;
    private OrderedBatches current;

    BatchProduction(LoaderSettings settings, String source) {
        this.settings = settings;
        this.buffers = new BatchBuffers(settings.prefetch() + 2);
        this.workers = workerPool(settings.workers(), source);
    }

    BatchBuffers buffers() {
        return buffers;
    }

    /** Batches {@code startBatch .. end - 1}, batch {@code b} built by {@code task.apply(b)}. */
    synchronized Iterator<Batch> start(LongFunction<Callable<Collator.Collated>> task, long startBatch, long end) {
        if (startBatch < 0 || startBatch > end) {
            throw new IllegalArgumentException("start batch must be in [0, " + end + "], got " + startBatch);
        }
        if (current != null) {
            current.cancel();
        }
        current = new OrderedBatches(task, startBatch, end, workers, settings.prefetch(), buffers);
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
    private static ExecutorService workerPool(int workers, String source) {
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
