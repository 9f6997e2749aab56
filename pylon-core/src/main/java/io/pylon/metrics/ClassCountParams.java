package io.pylon.metrics;

import io.pylon.config.InvalidValueException;

/**
 * Parameters of the metrics computed from a confusion matrix (confusion_matrix, precision, recall, f1).
 *
 * @param numClasses the number of classes C; outputs are {@code [N, C, *rest]}, targets in {@code [0, C)}
 */
public record ClassCountParams(int numClasses) {
    public ClassCountParams {
        InvalidValueException.require(numClasses >= 2, "num_classes", "must be >= 2, got %d", numClasses);
    }
}
