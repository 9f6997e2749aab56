package io.pylon.models.weights;

import java.util.List;

/**
 * What a {@link Weights#load} did, so a partial load is visible rather than silent.
 *
 * @param source the file loaded
 * @param loaded model tensors (parameters and buffers) that received values from the file
 * @param missing model tensors the file did not hold; they keep their current (usually freshly initialised)
 *     values
 * @param unexpected file tensors with no model tensor of that name; they were ignored
 */
public record LoadReport(String source, List<String> loaded, List<String> missing, List<String> unexpected) {

    public LoadReport {
        loaded = List.copyOf(loaded);
        missing = List.copyOf(missing);
        unexpected = List.copyOf(unexpected);
    }

    /** True when every model tensor was loaded and nothing in the file was left over. */
    public boolean complete() {
        return missing.isEmpty() && unexpected.isEmpty();
    }

    /** One line for the log: counts, then the names that did not match. */
    public String summary() {
        StringBuilder s = new StringBuilder("loaded ").append(loaded.size()).append(" tensors from ").append(source);
        if (!missing.isEmpty()) {
            s.append("; missing from the file (kept as initialised): ").append(missing);
        }
        if (!unexpected.isEmpty()) {
            s.append("; not in the model (ignored): ").append(unexpected);
        }
        return s.toString();
    }
}
