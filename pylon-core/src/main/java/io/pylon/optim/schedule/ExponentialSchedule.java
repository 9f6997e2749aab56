package io.pylon.optim.schedule;

import io.pylon.config.Default;
import io.pylon.config.InvalidValueException;

/**
 * {@code factor(t) = gamma^t}, as {@code ExponentialLR}.
 *
 * @param gamma decay per step (or epoch)
 */
public record ExponentialSchedule(@Default("0.1") double gamma) implements LrSchedule {

    public ExponentialSchedule {
        InvalidValueException.require(gamma > 0 && gamma <= 1, "gamma", "must be in (0, 1], got %s", gamma);
    }

    @Override
    public double factor(long t) {
        return Math.pow(gamma, t);
    }
}
