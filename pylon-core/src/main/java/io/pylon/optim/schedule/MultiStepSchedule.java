package io.pylon.optim.schedule;

import java.util.List;

/**
 * {@code factor(t) = gamma^(number of milestones <= t)}, as {@code MultiStepLR}.
 *
 * @param milestones strictly increasing times at which the rate is multiplied by gamma
 * @param gamma decay per milestone
 */
public record MultiStepSchedule(List<Long> milestones, double gamma) implements LrSchedule {

    public MultiStepSchedule {
        milestones = List.copyOf(milestones);
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
