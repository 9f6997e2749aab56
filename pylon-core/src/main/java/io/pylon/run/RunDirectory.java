package io.pylon.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

import io.pylon.PylonUserException;

/**
 * {@code runs/<experiment>/<run>/} holding {@code config.yaml}, {@code metrics.jsonl},
 * {@code checkpoints/}, {@code train.log} and {@code status.json}. Everything a viewer shows is rebuilt from these files.
 */
public record RunDirectory(Path path) {

    public static final String CONFIG = "config.yaml";
    public static final String METRICS = "metrics.jsonl";
    public static final String LOG = "train.log";
    /** The tokenizer a language model was trained with (see {@code io.pylon.data.format.Tokenizer#save}). */
    public static final String TOKENIZER = "tokenizer.json";
    /** Text generated during training by the {@code sample_text} callback, one JSON object per line. */
    public static final String SAMPLES = "samples.jsonl";
    private static final DateTimeFormatter RUN_NAME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    /** Creates a new run folder; the name defaults to the start time, with a suffix if it exists. */
    public static RunDirectory create(Path runsRoot, String experiment, String runName, Clock clock) {
        String base = runName.isBlank() ? LocalDateTime.now(clock).format(RUN_NAME) : runName;
        Path parent = runsRoot.resolve(experiment);
        Path candidate = parent.resolve(base);
        for (int i = 2; Files.exists(candidate); i++) {
            if (!runName.isBlank()) {
                throw new PylonUserException("run directory " + candidate + " already exists: choose another"
                        + " experiment.run_name, or resume it with `pylon train --resume " + candidate + "`");
            }
            candidate = parent.resolve(base + "-" + i);
        }
        try {
            Files.createDirectories(candidate.resolve("checkpoints"));
        } catch (IOException e) {
            throw new UncheckedIOException("could not create run directory " + candidate + ": " + e.getMessage(), e);
        }
        return new RunDirectory(candidate);
    }

    /** An existing run folder, checked to be one. */
    public static RunDirectory existing(Path path) {
        if (!Files.isRegularFile(path.resolve(CONFIG))) {
            throw new PylonUserException(path + " is not a run directory (no " + CONFIG + " in it); pass the folder"
                    + " that `pylon train` created, e.g. runs/<experiment>/<run>");
        }
        return new RunDirectory(path);
    }

    public Path config() {
        return path.resolve(CONFIG);
    }

    public Path metrics() {
        return path.resolve(METRICS);
    }

    /** {@code status.json}: see {@link RunStatus}. */
    public Path status() {
        return path.resolve(RunStatus.FILE);
    }

    public Path log() {
        return path.resolve(LOG);
    }

    public Path tokenizer() {
        return path.resolve(TOKENIZER);
    }

    public Path samples() {
        return path.resolve(SAMPLES);
    }

    public Path checkpoints() {
        return path.resolve("checkpoints");
    }

    public Path lastCheckpoint() {
        return checkpoints().resolve("last.ckpt");
    }

    public void writeConfig(String yaml) {
        try {
            Files.writeString(config(), yaml, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + config() + ": " + e.getMessage(), e);
        }
    }
}
