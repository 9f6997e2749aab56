package io.pylon.optim.schedule;

/** A learning-rate multiplier as a pure function of time. */
@FunctionalInterface
public interface LrSchedule {

    /**
     * The factor on the base learning rate at time {@code t} (an optimizer-step or epoch index, starting at
     * 0, depending on the schedule's {@link Interval}).
     */
    double factor(long t);
}
