package io.pylon.data;

import java.util.List;
import java.util.Optional;

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
     * The class label of sample {@code index} (class-balanced sampling reads every label once). The default
     * reads the sample; formats that know their labels without decoding (an image folder) answer directly.
     *
     * @throws DataException when the sample's target is not a single class index
     */
    default long classOf(long index) {
        Sample sample = get(index);
        if (sample.target().size() != 1 || sample.denseTarget()) {
            throw new DataException(getClass().getSimpleName(), index, "target " + sample.target()
                    + " is not a class index; class weights and balanced sampling need one label per sample");
        }
        return sample.target().getLong(0);
    }

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

    /**
     * The file sample {@code sampleIndex} (the index {@link Sample#index()} carries) is read from, so that errors
     * about a sample can name its file; empty for formats whose samples are not one file each.
     */
    default Optional<String> sampleFile(long sampleIndex) {
        return Optional.empty();
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
