package io.pylon.metrics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

import org.bytedeco.pytorch.Tensor;

import io.pylon.engine.StepScope;

/**
 * Updates metrics on a background thread so that the training thread does not wait for them.
 *
 * <p>{@link #submit} detaches and clones the output and target (on their device; the clone is owned by this
 * buffer, not by the caller's step scope) and queues them; one metric thread takes the batches in submission
 * order and updates every metric inside its own {@link StepScope}, then frees the clones. The queue holds at most
 * {@code capacity} batches: a submit to a full queue blocks until the metric thread has taken one (back-pressure,
 * never unbounded memory). {@link #flush} waits until every submitted batch has been applied and returns the
 * metrics' values; once it returns no native tensor is retained ({@link #retainedTensors} is 0). Because batches
 * are applied in order by a single thread, the results, per-sample scores included, are the same as with
 * synchronous updates.
 *
 * <p>An exception thrown by a metric in the metric thread is kept; the later batches are discarded (freed) and the
 * exception is rethrown, wrapped in a {@link MetricThreadException}, by the next {@link #submit} or {@link #flush}
 * on the training thread, and by every one after it until {@link #reset}.
 *
 * <p>One training thread submits and flushes; the metrics must not be touched by anyone else until {@link #flush}
 * returns.
 */
public final class AsyncMetricBuffer implements AutoCloseable {

    /** Thrown on the training thread for an exception that a metric threw on the metric thread. */
    public static final class MetricThreadException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        MetricThreadException(Throwable cause) {
            super("a metric failed on the metric thread: " + cause, cause);
        }
    }

    private record Batch(Tensor output, Tensor target, long[] indices) {
    }

    private static final Batch STOP = new Batch(null, null, null);

    private final List<Metric> metrics;
    private final BlockingQueue<Batch> queue;
    private final Thread worker;
    private final Object lock = new Object();
    private final AtomicInteger retained = new AtomicInteger();
    private long pending;
    private Throwable failure;
    private boolean closed;

    /** @param capacity the most batches waiting in the queue (besides the one being applied) */
    public AsyncMetricBuffer(List<Metric> metrics, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1, got " + capacity);
        }
        this.metrics = List.copyOf(metrics);
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.worker = Thread.ofPlatform().name("pylon-metrics").daemon(true).unstarted(this::run);
        worker.start();
    }

    public List<Metric> metrics() {
        return metrics;
    }

    public void submit(Tensor output, Tensor target) {
        submit(output, target, null);
    }

    /** Queues one batch (blocking while the queue is full); {@code indices} are its samples' dataset indices. */
    public void submit(Tensor output, Tensor target, long[] indices) {
        synchronized (lock) {
            if (closed) {
                throw new IllegalStateException("the metric buffer is closed");
            }
            rethrow();
            pending++;
        }
        Batch batch;
        try (StepScope scope = new StepScope()) {
            Tensor o = output.detach().clone();
            Tensor t = target.detach().clone();
            batch = new Batch(scope.keep(o), scope.keep(t), indices == null ? null : indices.clone());
            retained.addAndGet(2);
        } catch (RuntimeException e) {
            done();
            throw e;
        }
        try {
            queue.put(batch);
        } catch (InterruptedException e) {
            free(batch);
            done();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for room in the metric queue", e);
        }
    }

    /**
     * Waits until every submitted batch has been applied and returns the values of all metrics (key -> value,
     * in metric order).
     *
     * @throws MetricThreadException if a metric failed on the metric thread
     */
    public Map<String, Double> flush() {
        awaitIdle();
        synchronized (lock) {
            rethrow();
        }
        Map<String, Double> values = new LinkedHashMap<>();
        for (Metric m : metrics) {
            values.putAll(m.compute());
        }
        return values;
    }

    /** After {@link #flush}: per-sample scores of the metrics that keep them, by {@link PerSampleScores#perSampleKey}. */
    public Map<String, Map<Long, Double>> perSample() {
        awaitIdle();
        Map<String, Map<Long, Double>> scores = new LinkedHashMap<>();
        for (Metric m : metrics) {
            if (m instanceof PerSampleScores p) {
                SortedMap<Long, Double> s = p.perSample();
                scores.put(p.perSampleKey(), s);
            }
        }
        return scores;
    }

    /** Waits for the queued batches, then resets every metric and forgets a kept failure. */
    public void reset() {
        awaitIdle();
        synchronized (lock) {
            failure = null;
        }
        metrics.forEach(Metric::reset);
    }

    /** Native tensors held by the buffer now: the clones of submitted batches not yet applied. */
    public int retainedTensors() {
        return retained.get();
    }

    /** Queued batches not yet applied. */
    public long pending() {
        synchronized (lock) {
            return pending;
        }
    }

    /** Applies what is queued, stops the metric thread and waits for it; a kept failure is not rethrown. */
    @Override
    public void close() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
        }
        boolean interrupted = false;
        while (true) {
            try {
                queue.put(STOP);
                worker.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        while (true) {
            Batch batch;
            try {
                batch = queue.take();
            } catch (InterruptedException e) {
                // only close() stops the metric thread, by queueing STOP
                continue;
            }
            if (batch == STOP) {
                return;
            }
            try {
                boolean skip;
                synchronized (lock) {
                    skip = failure != null;
                }
                if (!skip) {
                    apply(batch);
                }
            } catch (Throwable t) {
                synchronized (lock) {
                    if (failure == null) {
                        failure = t;
                    }
                }
            } finally {
                free(batch);
                done();
            }
        }
    }

    private void apply(Batch batch) {
        try (StepScope scope = new StepScope()) {
            for (Metric m : metrics) {
                if (batch.indices() == null) {
                    m.update(batch.output(), batch.target());
                } else {
                    m.update(batch.output(), batch.target(), batch.indices());
                }
            }
        }
    }

    private void free(Batch batch) {
        batch.output().close();
        retained.decrementAndGet();
        batch.target().close();
        retained.decrementAndGet();
    }

    private void done() {
        synchronized (lock) {
            pending--;
            lock.notifyAll();
        }
    }

    private void awaitIdle() {
        synchronized (lock) {
            boolean interrupted = false;
            while (pending > 0) {
                try {
                    lock.wait();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void rethrow() {
        if (failure != null) {
            throw new MetricThreadException(failure);
        }
    }
}
