package io.pylon.tune.run;

import java.util.List;

import io.pylon.config.ConfigNode;
import io.pylon.config.Default;
import io.pylon.config.InvalidValueException;
import io.pylon.config.MapNode;

/**
 * The {@code tune:} section of an experiment config.
 *
 * @param objective        one monitored value, e.g. {@code val/accuracy}; its metric gives the direction
 * @param objectives       several (NSGA-II), instead of {@code objective}
 * @param params           config key path -> distribution (see {@link io.pylon.tune.space.SpaceParser})
 * @param heartbeatTimeout seconds after which a running trial whose worker stopped beating is failed and retried
 * @param maxRetries       how often the parameters of such a trial are tried again
 */
public record TuneConfig(
        @Default("\"\"") String objective,
        @Default("[]") List<String> objectives,
        @Default("null") ConfigNode params,
        @Default("{name: tpe}") MapNode sampler,
        @Default("{name: none}") MapNode pruner,
        @Default("60.0") double heartbeatTimeout,
        @Default("1") int maxRetries) {

    public TuneConfig {
        objectives = List.copyOf(objectives);
        InvalidValueException.require(objective.isEmpty() != objectives.isEmpty(), "objective",
                "set exactly one of objective (one metric, e.g. val/accuracy) or objectives (a list, for nsga2)");
        InvalidValueException.require(heartbeatTimeout >= 1, "heartbeat_timeout", "must be >= 1 second, got %s",
                heartbeatTimeout);
        InvalidValueException.require(maxRetries >= 0, "max_retries", "must be >= 0, got %d", maxRetries);
    }

    /** The objective keys, one or several. */
    public List<String> objectiveKeys() {
        return objective.isEmpty() ? objectives : List.of(objective);
    }
}
