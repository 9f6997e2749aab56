package io.pylon.data;

import java.util.List;

/**
 * Samples by index: the random-access source a loader draws from. Loader workers call {@link #get} from
 * several threads at once, so implementations must be thread-safe (read-only state, or a
 * per-thread reader).
 */
public interface Dataset extends AutoCloseable {

    /** Number of samples. */
    long size();

    /**
     * Reads sample {@code index}.
     *
     * @throws DataException when the sample cannot be read (the message names the file and the index)
     * @throws IndexOutOfBoundsException for an index outside {@code [0, size())}
     */
    Sample get(long index);

    /**
     * Identifies this dataset's content for caches: it must change whenever the samples would (files,
     * their sizes or modification times, reading options).
     */
    default String fingerprint() {
        return getClass().getName() + ":" + size();
    }

    /**
     * Names of the target classes in label order, when the format knows them (an image folder's
     * sub-folders); empty otherwise, and the config's {@code num_classes} decides.
     */
    default List<String> classNames() {
        return List.of();
    }

    /** Releases files and mappings; the default holds none. */
    @Override
    default void close() {
    }

    /** Checks {@code index} against {@link #size()}; for implementations. */
    default void checkIndex(long index) {
        if (index < 0 || index >= size()) {
            throw new IndexOutOfBoundsException("sample index " + index + " outside [0, " + size() + ")");
        }
    }
}
