package io.pylon.criteria.composite;

import io.pylon.config.Default;
import io.pylon.config.InvalidValueException;

/**
 * {@code w(t) = from + (to - from) (1 - cos(pi u)) / 2} with {@code u = clamp((t - start) / (end - start), 0, 1)}
 * and t the step or epoch ({@code unit}): a smooth ramp from {@code from} to {@code to}.
 *
 * @param from  weight up to {@code start}, >= 0
 * @param to    weight from {@code end} on, >= 0
 * @param start where the ramp begins, >= 0
 * @param end   where the ramp ends, > start
 * @param unit  what t counts
 */
public record CosineRamp(double from, double to, @Default("0") long start, long end,
                         @Default("epoch") ScheduleUnit unit) implements WeightSchedule {

    public CosineRamp {
        InvalidValueException.require(from >= 0 && Double.isFinite(from), "from", "must be >= 0, got %s", from);
        InvalidValueException.require(to >= 0 && Double.isFinite(to), "to", "must be >= 0, got %s", to);
        InvalidValueException.require(start >= 0, "start", "must be >= 0, got %s", start);
        InvalidValueException.require(end > start, "end", "must be > start (%s), got %s", start, end);
    }

    @Override
    public double weight(long step, int epoch) {
        long t = unit.position(step, epoch);
        double u = Math.clamp((double) (t - start) / (double) (end - start), 0.0, 1.0);
        return from + (to - from) * (1 - Math.cos(Math.PI * u)) / 2;
    }
}
