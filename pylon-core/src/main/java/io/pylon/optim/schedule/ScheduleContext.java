package io.pylon.optim.schedule;

import java.util.OptionalLong;

/**
 * What a schedule is built with besides its params.
 *
 * @param horizon the schedule's length in its interval's units, where known (a learning-rate schedule: the run's
 *     remaining steps or epochs); schedules that default their length to it need it or an explicit length
 * @param base the value the factor multiplies (the optimizer's learning rate; 1 for a loss weight), to turn
 *     absolute floors such as {@code eta_min} into factors
 */
public record ScheduleContext(OptionalLong horizon, double base) {

    public ScheduleContext {
        if (!(base > 0) || Double.isInfinite(base)) {
            throw new IllegalArgumentException("a schedule's base value must be > 0, got " + base);
        }
    }

    /** A learning-rate schedule's context. */
    public static ScheduleContext of(long horizon, double baseLr) {
        return new ScheduleContext(OptionalLong.of(Math.max(1, horizon)), baseLr);
    }

    /** A loss weight's schedule: no known length, factors of 1. */
    public static ScheduleContext forWeights() {
        return new ScheduleContext(OptionalLong.empty(), 1.0);
    }

    /** {@code explicit}, else the horizon. */
    long length(OptionalLong explicit, String key) {
        if (explicit.isPresent()) {
            return explicit.getAsLong();
        }
        if (horizon.isEmpty()) {
            throw new IllegalArgumentException(key + " is needed here: the schedule's length is not known (a loss"
                    + " weight's schedule does not run to the end of training)");
        }
        return horizon.getAsLong();
    }
}
