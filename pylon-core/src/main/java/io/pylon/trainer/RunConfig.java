package io.pylon.trainer;

import io.pylon.config.ConfigNode;
import io.pylon.config.Default;
import io.pylon.config.MapNode;

/**
 * The top level of an experiment config. Sections whose shape depends on a chosen component
 * ({@code model}, {@code data}, {@code optim} ...) stay raw here and are bound once the component is
 * known, so their errors carry their own key paths. {@code tune} (the search space of {@code pylon tune}) is
 * not read by a training run, so a config with one trains as it stands.
 */
public record RunConfig(
        @Default("{}") ExperimentConfig experiment,
        @Default("0") long seed,
        @Default("{}") MapNode data,
        @Default("{name: cnn}") MapNode model,
        @Default("{name: cross_entropy}") MapNode criterion,
        @Default("[accuracy]") ConfigNode metrics,
        @Default("{}") MapNode optim,
        @Default("{}") MapNode schedule,
        @Default("{}") TrainerConfig trainer,
        @Default("[]") ConfigNode callbacks,
        @Default("{}") MapNode inference,
        @Default("null") ConfigNode tune) {
}
