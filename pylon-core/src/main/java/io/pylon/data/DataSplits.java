package io.pylon.data;

/**
 * The three loaders of one dataset and the spec the model is built from.
 *
 * @param train training batches, shuffled per epoch if configured
 * @param val validation batches (held out from the training file), never shuffled
 * @param test test batches, never shuffled
 * @param spec input shape and class count
 */
public record DataSplits(DataLoader train, DataLoader val, DataLoader test, DataSpec spec) implements AutoCloseable {

    /** Stops the loaders' threads and frees their buffers. */
    @Override
    public void close() {
        try (DataLoader a = train; DataLoader b = val; DataLoader c = test) {
            // try-with-resources closes all three even if one throws
        }
    }
}
