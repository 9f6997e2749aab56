package io.pylon.optim.schedule;

/**
 * {@code factor(t) = gamma^t}, as {@code ExponentialLR}.
 *
 * @param gamma decay per step (or epoch)
 */
public record ExponentialSchedule(double gamma) implements LrSchedule {

    @Override
    public double factor(long t) {
        return Math.pow(gamma, t);
    }
}
