package io.pylon.criteria.composite;

import java.util.Optional;

import io.pylon.criteria.Criterion;

/**
 * One term of a {@link CombinedLoss}: {@code weight * schedule(step, epoch) * criterion(output, target)}.
 *
 * @param label     the term's name in {@link CombinedLoss#weights()} and in error messages
 * @param criterion the loss
 * @param weight    fixed factor, >= 0 and finite
 * @param schedule  a factor that changes with training progress (1 when empty)
 */
public record LossTerm(String label, Criterion criterion, double weight, Optional<WeightSchedule> schedule) {

    public LossTerm {
        if (label == null || label.isEmpty()) {
            throw new IllegalArgumentException("a loss term needs a label");
        }
        if (criterion == null) {
            throw new IllegalArgumentException("loss term '" + label + "' needs a criterion");
        }
        if (!(weight >= 0) || Double.isInfinite(weight)) {
            throw new IllegalArgumentException("loss term '" + label + "': weight must be >= 0, got " + weight);
        }
        schedule = schedule == null ? Optional.empty() : schedule;
    }

    /** A term with a fixed weight. */
    public static LossTerm of(String label, Criterion criterion, double weight) {
        return new LossTerm(label, criterion, weight, Optional.empty());
    }

    /** {@code weight * schedule(step, epoch)}. */
    public double weightAt(long step, int epoch) {
        return weight * schedule.map(s -> s.weight(step, epoch)).orElse(1.0);
    }
}
