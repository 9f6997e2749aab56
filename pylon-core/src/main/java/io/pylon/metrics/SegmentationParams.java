package io.pylon.metrics;

import io.pylon.config.Default;
import io.pylon.config.InvalidValueException;

/**
 * Parameters of the overlap metrics (dice, iou) on label maps.
 *
 * @param numClasses the number of classes C, class 0 being the background; outputs are logits
 *        {@code [N, C, *spatial]}, targets labels {@code [N, *spatial]} in {@code [0, C)}
 * @param includeBackground whether class 0 is reported and counts in the mean
 */
public record SegmentationParams(int numClasses, @Default("false") boolean includeBackground) {
    public SegmentationParams {
        InvalidValueException.require(numClasses >= 2, "num_classes", "must be >= 2, got %d", numClasses);
    }

    int firstClass() {
        return includeBackground ? 0 : 1;
    }
}
