package io.pylon.optim.schedule;

import io.pylon.config.Default;
import io.pylon.config.InvalidValueException;

/**
 * {@code w(t) = from} for {@code t <= start}, {@code to} for {@code t >= end}, and
 * {@code from + (to - from) (t - start) / (end - start)} in between, with t the step or epoch (the schedule's interval).
 *
 * @param from  value up to {@code start}, >= 0
 * @param to    value from {@code end} on, >= 0
 * @param start where the ramp begins, >= 0
 * @param end   where the ramp ends, > start
 */
public record LinearRamp(double from, double to, @Default("0") long start, long end) implements LrSchedule {

    public LinearRamp {
        InvalidValueException.require(from >= 0 && Double.isFinite(from), "from", "must be >= 0, got %s", from);
        InvalidValueException.require(to >= 0 && Double.isFinite(to), "to", "must be >= 0, got %s", to);
        InvalidValueException.require(start >= 0, "start", "must be >= 0, got %s", start);
        InvalidValueException.require(end > start, "end", "must be > start (%s), got %s", start, end);
    }

    @Override
    public double factor(long t) {
        if (t <= start) {
            return from;
        }
        if (t >= end) {
            return to;
        }
        return from + (to - from) * (double) (t - start) / (double) (end - start);
    }
}
