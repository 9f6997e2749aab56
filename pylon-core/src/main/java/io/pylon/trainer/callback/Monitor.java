package io.pylon.trainer.callback;

import io.pylon.config.InvalidValueException;
import io.pylon.metrics.Direction;
import io.pylon.metrics.MetricDirections;

/**
 * A monitored value such as {@code val/accuracy}: split, then metric name. Its direction comes from the
 * metric itself, so there is no separate "mode" to get wrong.
 */
record Monitor(String key, Direction direction) {

    /** Checks the {@code <split>/<metric>} shape; whether the metric exists is checked at resolution. */
    static void checkShape(String key, String configKey) {
        int slash = key.indexOf('/');
        InvalidValueException.require(slash > 0 && slash < key.length() - 1, configKey,
                "must be <split>/<metric>, e.g. val/loss or val/accuracy, got '%s'", key);
    }

    static Monitor of(String key, MetricDirections directions) {
        return new Monitor(key, directions.of(key));
    }

    /** A name fragment safe for file names: {@code val/accuracy} -> {@code val_accuracy}. */
    String fileLabel() {
        return key.replace('/', '_');
    }
}
