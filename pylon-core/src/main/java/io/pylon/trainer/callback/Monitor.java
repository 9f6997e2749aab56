package io.pylon.trainer.callback;

import io.pylon.config.InvalidValueException;
import io.pylon.metrics.Direction;
import io.pylon.metrics.Metrics;

/**
 * A monitored value such as {@code val/accuracy}: split, then metric name. Its direction comes from the
 * metric itself, so there is no separate "mode" to get wrong.
 */
record Monitor(String key, Direction direction) {

    static Monitor parse(String key, String configKey) {
        int slash = key.indexOf('/');
        if (slash <= 0 || slash == key.length() - 1) {
            throw new InvalidValueException(configKey,
                    "must be <split>/<metric>, e.g. val/loss or val/accuracy, got '" + key + "'");
        }
        try {
            return new Monitor(key, Metrics.direction(key.substring(slash + 1)));
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException(configKey, e.getMessage());
        }
    }

    /** A name fragment safe for file names: {@code val/accuracy} -> {@code val_accuracy}. */
    String fileLabel() {
        return key.replace('/', '_');
    }
}
