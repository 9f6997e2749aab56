package io.pylon.optim.schedule;

import java.util.List;

import io.pylon.config.InvalidValueException;

/**
 * A piecewise-constant factor: {@code w(t) = values[k]} with k the number of milestones {@code <= t}, and t the
 * step or epoch (the interval); e.g. milestones [10, 20] with values [1, 0.5, 0] gives 1 before t = 10, 0.5
 * from 10 and 0 from 20.
 *
 * @param milestones strictly increasing, >= 0
 * @param values     one more than milestones, each >= 0
 */
public record PiecewiseSchedule(List<Long> milestones, List<Double> values)
        implements LrSchedule {

    public PiecewiseSchedule {
        milestones = List.copyOf(milestones);
        values = List.copyOf(values);
        for (int i = 0; i < milestones.size(); i++) {
            long m = milestones.get(i);
            InvalidValueException.require(m >= 0, "milestones." + i, "must be >= 0, got %s", m);
            if (i > 0) {
                InvalidValueException.require(m > milestones.get(i - 1), "milestones." + i,
                        "must be > the previous milestone (%s), got %s", milestones.get(i - 1), m);
            }
        }
        InvalidValueException.require(values.size() == milestones.size() + 1, "values",
                "needs one more value than milestones (%s), got %s", milestones.size() + 1, values.size());
        for (int i = 0; i < values.size(); i++) {
            double v = values.get(i);
            InvalidValueException.require(v >= 0 && Double.isFinite(v), "values." + i, "must be >= 0, got %s", v);
        }
    }

    @Override
    public double factor(long t) {
        int k = 0;
        while (k < milestones.size() && milestones.get(k) <= t) {
            k++;
        }
        return values.get(k);
    }
}
