package io.pylon.inference;

import java.nio.file.Path;

import io.pylon.PylonUserException;

/**
 * What {@code pylon evaluate} was asked to do.
 *
 * @param predictions a folder of {@code pylon predict} outputs ({@code *_labels.*}), or a glob over label maps
 * @param labels ground-truth label maps: a file, a glob, or a JSON/CSV manifest (its {@code label} entries)
 * @param numClasses classes K >= 2 including the background 0
 * @param out folder receiving {@code evaluation.json} and {@code evaluation.csv}
 * @param includeBackground report class 0 too
 */
public record EvaluateRequest(String predictions, String labels, int numClasses, Path out, boolean includeBackground) {

    public EvaluateRequest {
        if (numClasses < 2) {
            throw new PylonUserException("--num-classes must be >= 2 (background and at least one class), got "
                    + numClasses);
        }
    }
}
