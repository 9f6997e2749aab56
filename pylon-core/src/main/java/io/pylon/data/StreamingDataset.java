package io.pylon.data;

import java.util.Iterator;

/**
 * Samples that can only be read in order (a compressed archive, a token stream being tokenised, a remote
 * feed): each epoch opens a fresh iterator. The iterator must return the same samples in the same order
 * for the same (epoch, shard), and number them ({@link Sample#index()}) by their position in the full
 * stream, since augmentation seeds and error messages use that index.
 */
public interface StreamingDataset extends AutoCloseable {

    /** Samples one shard yields per epoch (schedules and progress need the epoch length up front). */
    long size(int shards);

    /**
     * The samples of {@code epoch} for {@code shard} of {@code shards} (e.g. every {@code shards}-th record
     * starting at {@code shard}); a dataset that shuffles does so as a pure function of the epoch.
     */
    Iterator<Sample> open(int epoch, int shard, int shards);

    /** Releases open files; the default holds none. */
    @Override
    default void close() {
    }
}
