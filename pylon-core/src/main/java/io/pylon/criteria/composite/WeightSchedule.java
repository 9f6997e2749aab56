package io.pylon.criteria.composite;

/** A loss-term weight as a pure function of training progress. */
@FunctionalInterface
public interface WeightSchedule {

    /** The weight at global optimizer step {@code step} (from 0) in epoch {@code epoch} (from 0). */
    double weight(long step, int epoch);
}
