package io.pylon.models.weights;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.pylon.config.Binder;
import io.pylon.config.ConfigNode;
import io.pylon.config.Default;
import io.pylon.config.MapNode;
import io.pylon.models.Model;

/**
 * The fine-tuning keys of the {@code model:} config section, which belong to no model's params record:
 * <pre>
 * model:
 *   name: mlp
 *   weights: pretrained.safetensors   # weights file or Pylon checkpoint
 *   weights_strict: false             # load matching names, report the rest
 *   freeze: ["fc*"]                   # globs over dotted parameter names
 *   unfreeze: ["fc1.*"]               # exceptions to freeze
 * </pre>
 *
 * @param weights file to initialise the model from (see {@link Weights}); absent: keep the fresh initialisation
 * @param weightsStrict refuse a file whose names do not match the model exactly
 * @param freeze {@link NamePattern globs} of parameters to freeze
 * @param unfreeze globs of parameters to keep trainable although a {@code freeze} pattern matches them
 */
public record FineTuning(
        @Default("null") Optional<String> weights,
        @Default("true") boolean weightsStrict,
        @Default("[]") List<String> freeze,
        @Default("[]") List<String> unfreeze) {

    /** The config keys this record reads, in snake case. */
    public static final List<String> KEYS = List.of("weights", "weights_strict", "freeze", "unfreeze");

    public FineTuning {
        freeze = List.copyOf(freeze);
        unfreeze = List.copyOf(unfreeze);
    }

    /** Nothing to load, nothing frozen. */
    public static FineTuning none() {
        return new FineTuning(Optional.empty(), true, List.of(), List.of());
    }

    /** Binds the fine-tuning keys of a {@code model:} section (other keys are ignored here). */
    public static FineTuning from(MapNode modelSection) {
        Map<String, ConfigNode> entries = new LinkedHashMap<>();
        for (String key : KEYS) {
            modelSection.get(key).ifPresent(node -> entries.put(key, node));
        }
        return Binder.bind(new MapNode(entries, modelSection.origin()), "model", FineTuning.class);
    }

    /** The section without the fine-tuning keys: what is left binds to the model's params record. */
    public static MapNode modelParams(MapNode modelSection) {
        MapNode out = modelSection;
        for (String key : KEYS) {
            out = out.without(key);
        }
        return out;
    }

    /**
     * Loads the weights (if any), then applies freeze/unfreeze. Call after the model is created and before the
     * optimizer is.
     *
     * @return the load report, when weights were loaded
     */
    public Optional<LoadReport> apply(Model model) {
        Optional<LoadReport> report = weights.map(file -> Weights.load(model, Path.of(file), new LoadOptions(weightsStrict)));
        if (!freeze.isEmpty() || !unfreeze.isEmpty()) {
            Freezing.apply(model.module(), freeze, unfreeze);
        }
        return report;
    }
}
