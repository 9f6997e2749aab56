package io.pylon.track;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import io.pylon.run.RunHealth;
import io.pylon.run.RunStatus;

/**
 * A run as the index knows it.
 *
 * @param id       its path relative to the runs root ({@code experiment/run}), the name used everywhere
 * @param path     its directory
 * @param health   its classified state at the time of the query
 * @param status   what its {@code status.json} says, if it has one
 * @param config   its resolved config as dotted keys
 * @param metrics  metric name ({@code split/name}) -> summary
 */
public record IndexedRun(String id, Path path, String experiment, RunHealth health, Optional<RunStatus> status,
                         Map<String, String> config, Map<String, MetricSummary> metrics) {

    public String name() {
        return path.getFileName().toString();
    }

    public Optional<String> configValue(String key) {
        return Optional.ofNullable(config.get(key));
    }
}
