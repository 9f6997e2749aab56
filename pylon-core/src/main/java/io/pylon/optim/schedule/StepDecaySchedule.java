package io.pylon.optim.schedule;

import io.pylon.config.Default;
import io.pylon.config.InvalidValueException;

/**
 * {@code factor(t) = gamma^floor(t / stepSize)}, as {@code torch.optim.lr_scheduler.StepLR}.
 *
 * @param stepSize period of the decay, >= 1
 * @param gamma decay per period, in (0, 1]
 */
public record StepDecaySchedule(@Default("1") long stepSize, @Default("0.1") double gamma) implements LrSchedule {

    public StepDecaySchedule {
        InvalidValueException.require(stepSize >= 1, "step_size", "must be >= 1, got %s", stepSize);
        InvalidValueException.require(gamma > 0 && gamma <= 1, "gamma", "must be in (0, 1], got %s", gamma);
    }

    @Override
    public double factor(long t) {
        return Math.pow(gamma, Math.floorDiv(t, stepSize));
    }
}
