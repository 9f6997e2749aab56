package io.pylon.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.pylon.data.format.TextDataset;
import io.pylon.data.format.Tokenizer;

/**
 * The three loaders of one dataset and the spec the model is built from.
 *
 * @param train training batches, shuffled per epoch if configured
 * @param val validation batches (held out from the training file), never shuffled
 * @param test test batches, never shuffled
 * @param spec input shape and class count
 * @param resources what the splits read from (open files, mappings), closed after the loaders
 */
public record DataSplits(DataLoader train, DataLoader val, DataLoader test, DataSpec spec,
        List<AutoCloseable> resources) implements AutoCloseable {

    public DataSplits {
        resources = List.copyOf(resources);
    }

    public DataSplits(DataLoader train, DataLoader val, DataLoader test, DataSpec spec) {
        this(train, val, test, spec, List.of());
    }

    /** These splits, also owning {@code more} (the datasets the loaders read). */
    public DataSplits owning(List<? extends AutoCloseable> more) {
        List<AutoCloseable> all = new ArrayList<>(resources);
        all.addAll(more);
        return new DataSplits(train, val, test, spec, all);
    }

    /** The tokenizer of a token dataset among the splits' sources (the {@code text} format's), if any. */
    public Optional<Tokenizer> tokenizer() {
        return resources.stream().filter(TextDataset.class::isInstance).map(r -> ((TextDataset) r).tokenizer())
                .findFirst();
    }

    /** Stops the loaders' threads and frees their buffers, then closes the resources. */
    @Override
    public void close() {
        RuntimeException failure = null;
        for (AutoCloseable each : closingOrder()) {
            try {
                each.close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = new IllegalStateException("closing the data splits failed: " + e.getMessage(), e);
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private List<AutoCloseable> closingOrder() {
        List<AutoCloseable> order = new ArrayList<>(List.of(train, val, test));
        order.addAll(resources);
        return order;
    }
}
