package io.pylon.criteria.composite;

import io.pylon.optim.schedule.Interval;
import io.pylon.optim.schedule.LrSchedule;

/**
 * A loss-term weight's factor over training: any schedule of the schedule kind (the learning rate's family), on
 * its interval.
 *
 * @param schedule the factor as a function of t
 * @param interval what t counts
 */
public record WeightSchedule(LrSchedule schedule, Interval interval) {

    /** The factor at global optimizer step {@code step} (from 0) in epoch {@code epoch} (from 0). */
    public double weight(long step, int epoch) {
        return schedule.factor(interval.position(step, epoch));
    }
}
