package io.pylon.trainer;

import io.pylon.config.Default;
import io.pylon.config.InvalidValueException;

/**
 * The {@code experiment:} section: where the run directory goes.
 *
 * @param name experiment name, the folder under {@code runs_dir}
 * @param runName run folder name; empty = start time
 * @param runsDir root of all run directories
 */
public record ExperimentConfig(
        @Default("default") String name,
        @Default("\"\"") String runName,
        @Default("runs") String runsDir) {

    public ExperimentConfig {
        InvalidValueException.require(name.matches("[A-Za-z0-9._-]+"), "name",
                "must be a folder name (letters, digits, . _ -), got '%s'", name);
        InvalidValueException.require(runName.isEmpty() || runName.matches("[A-Za-z0-9._-]+"), "run_name",
                "must be a folder name (letters, digits, . _ -), got '%s'", runName);
    }
}
