package io.pylon.optim.schedule;

/**
 * {@code factor(t) = gamma^floor(t / stepSize)}, as {@code torch.optim.lr_scheduler.StepLR}.
 *
 * @param stepSize period of the decay, >= 1
 * @param gamma decay per period, in (0, 1]
 */
public record StepDecaySchedule(long stepSize, double gamma) implements LrSchedule {

    public StepDecaySchedule {
        if (stepSize < 1) {
            throw new IllegalArgumentException("step_size must be >= 1, got " + stepSize);
        }
    }

    @Override
    public double factor(long t) {
        return Math.pow(gamma, Math.floorDiv(t, stepSize));
    }
}
