package io.pylon.inference;

import java.nio.file.Path;
import java.util.List;

import io.pylon.PylonUserException;

/**
 * What {@code pylon predict} was asked to do.
 *
 * @param runs run directories; several form an ensemble
 * @param checkpoints checkpoints of the first run's model used instead of its best (else last) one; several
 *     are several ensemble members
 * @param weights ensemble weights, one per run then per checkpoint; empty = equal
 * @param input a file, a glob or a JSON/CSV manifest
 * @param out folder receiving the predictions
 * @param overrides {@code key.path=value} overrides of the runs' saved configs (e.g. {@code inference.*})
 */
public record PredictRequest(List<Path> runs, List<Path> checkpoints, List<Double> weights, String input, Path out,
        List<String> overrides) {

    public PredictRequest {
        runs = List.copyOf(runs);
        checkpoints = List.copyOf(checkpoints);
        weights = List.copyOf(weights);
        overrides = List.copyOf(overrides);
        if (runs.isEmpty()) {
            throw new PylonUserException("missing RUN_DIR: usage `pylon predict RUN_DIR [RUN_DIR ...] --input"
                    + " PATH|GLOB|MANIFEST --out DIR [key.path=value ...]`");
        }
    }
}
