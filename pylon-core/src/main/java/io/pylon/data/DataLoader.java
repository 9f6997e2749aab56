package io.pylon.data;

import java.util.Iterator;

/**
 * Batches of one split, epoch by epoch. The order of epoch {@code e} is a pure function of
 * (seed, e), so a run resumed at batch {@code b} of epoch {@code e} sees exactly the batches an
 * uninterrupted run would.
 */
public interface DataLoader extends AutoCloseable {

    /** Batches per epoch (after drop_last and limits). */
    long batchesPerEpoch();

    /** Samples per epoch (after limits). */
    long samples();

    /**
     * Iterates the batches of {@code epoch}, skipping the first {@code startBatch}. Batch tensors are
     * created lazily in {@code next()}, inside the caller's current step scope.
     */
    Iterator<Batch> epoch(int epoch, long startBatch);

    /** Batches of {@code batchSize} an epoch of {@code samples} makes; {@code dropLast} drops a short one. */
    static long batchCount(long samples, int batchSize, boolean dropLast) {
        return dropLast ? samples / batchSize : (samples + batchSize - 1) / batchSize;
    }

    /** Stops worker threads and frees native buffers; the default holds none. */
    @Override
    default void close() {
    }
}
