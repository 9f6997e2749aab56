package io.pylon.optim.schedule;

import io.pylon.config.Default;
import io.pylon.config.InvalidValueException;

/**
 * {@code w(t) = from + (to - from) (1 - cos(pi u)) / 2} with {@code u = clamp((t - start) / (end - start), 0, 1)}
 * and t the step or epoch (the interval): a smooth ramp from {@code from} to {@code to}.
 *
 * @param from  value up to {@code start}, >= 0
 * @param to    value from {@code end} on, >= 0
 * @param start where the ramp begins, >= 0
 * @param end   where the ramp ends, > start
 */
public record CosineRamp(double from, double to, @Default("0") long start, long end) implements LrSchedule {

    public CosineRamp {
        InvalidValueException.require(from >= 0 && Double.isFinite(from), "from", "must be >= 0, got %s", from);
        InvalidValueException.require(to >= 0 && Double.isFinite(to), "to", "must be >= 0, got %s", to);
        InvalidValueException.require(start >= 0, "start", "must be >= 0, got %s", start);
        InvalidValueException.require(end > start, "end", "must be > start (%s), got %s", start, end);
    }

    @Override
    public double factor(long t) {
        double u = Math.clamp((double) (t - start) / (double) (end - start), 0.0, 1.0);
        return from + (to - from) * (1 - Math.cos(Math.PI * u)) / 2;
    }
}
