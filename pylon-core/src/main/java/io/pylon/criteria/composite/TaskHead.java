package io.pylon.criteria.composite;

import io.pylon.criteria.Criterion;

/**
 * One head of a {@link MultiTaskLoss}.
 *
 * @param criterion the loss of this head's output against its target
 * @param weight    its factor in the sum, >= 0 and finite
 */
public record TaskHead(Criterion criterion, double weight) {

    public TaskHead {
        if (criterion == null) {
            throw new IllegalArgumentException("a task head needs a criterion");
        }
        if (!(weight >= 0) || Double.isInfinite(weight)) {
            throw new IllegalArgumentException("task head weight must be >= 0, got " + weight);
        }
    }
}
