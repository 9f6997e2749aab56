package io.pylon.criteria.composite;

import io.pylon.criteria.Criterion;

/**
 * A criterion whose weights depend on training progress. The trainer calls {@link #onStep} before each
 * optimizer step's loss; the weights are pure functions of its arguments, so calling it again with the same
 * values (e.g. after resuming from a checkpoint) gives the same loss.
 */
public interface ScheduledCriterion extends Criterion {

    /**
     * @param step  the global optimizer step, from 0
     * @param epoch the epoch, from 0
     */
    void onStep(long step, int epoch);
}
