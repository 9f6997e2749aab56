package io.pylon.metrics;

import java.util.List;

import io.pylon.config.Default;
import io.pylon.config.InvalidValueException;

/**
 * Parameters of the surface-distance metrics (hd95, assd).
 *
 * @param numClasses the number of classes C, class 0 being the background; outputs are logits
 *        {@code [N, C, *spatial]} with 2 or 3 spatial dimensions, targets labels {@code [N, *spatial]}
 * @param spacing the voxel size along each spatial dimension, in the unit the distances are reported in;
 *        empty means 1 along every dimension
 * @param includeBackground whether class 0 is reported and counts in the mean
 */
public record SurfaceParams(int numClasses, @Default("[]") List<Double> spacing,
        @Default("false") boolean includeBackground) {
    public SurfaceParams {
        InvalidValueException.require(numClasses >= 2, "num_classes", "must be >= 2, got %d", numClasses);
        spacing = List.copyOf(spacing);
        InvalidValueException.require(spacing.isEmpty() || spacing.size() == 2 || spacing.size() == 3, "spacing",
                "must list 2 or 3 voxel sizes (or none), got %d", spacing.size());
        for (double s : spacing) {
            InvalidValueException.require(s > 0 && Double.isFinite(s), "spacing", "must be > 0, got %s", s);
        }
    }

    int firstClass() {
        return includeBackground ? 0 : 1;
    }
}
