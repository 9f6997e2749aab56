package io.pylon.optim.schedule;

import java.util.List;

import io.pylon.config.Default;
import io.pylon.config.InvalidValueException;

/**
 * {@code factor(t) = gamma^(number of milestones <= t)}, as {@code MultiStepLR}.
 *
 * @param milestones strictly increasing times at which the rate is multiplied by gamma
 * @param gamma decay per milestone
 */
public record MultiStepSchedule(List<Long> milestones, @Default("0.1") double gamma) implements LrSchedule {

    public MultiStepSchedule {
        milestones = List.copyOf(milestones);
        InvalidValueException.require(!milestones.isEmpty(), "milestones", "needs at least one milestone");
        long previous = 0;
        for (long milestone : milestones) {
            InvalidValueException.require(milestone > previous, "milestones",
                    "must be strictly increasing integers >= 1, got %s", milestones);
            previous = milestone;
        }
        InvalidValueException.require(gamma > 0 && gamma <= 1, "gamma", "must be in (0, 1], got %s", gamma);
    }

    @Override
    public double factor(long t) {
        int passed = 0;
        for (long milestone : milestones) {
            if (milestone <= t) {
                passed++;
            }
        }
        return Math.pow(gamma, passed);
    }
}
