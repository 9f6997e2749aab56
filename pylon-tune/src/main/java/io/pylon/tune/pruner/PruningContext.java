package io.pylon.tune.pruner;

import java.util.List;
import java.util.OptionalDouble;
import java.util.SortedMap;

import io.pylon.metrics.Direction;
import io.pylon.tune.study.Trial;
import io.pylon.tune.study.TrialState;

/**
 * A pruning question: should {@code trial}, which just reported at {@code step}, go on?
 *
 * @param trials every trial of the study (the asking one included, with its latest report)
 */
public record PruningContext(Direction direction, List<Trial> trials, Trial trial, int step) {

    public PruningContext {
        trials = List.copyOf(trials);
    }

    /** The trial's value at {@code step}. */
    public double value() {
        return trial.intermediate().getOrDefault(step, Double.NaN);
    }

    long completeCount() {
        return trials.stream().filter(t -> t.state() == TrialState.COMPLETE).count();
    }

    /** The first value a trial reported at or after {@code step}, if any. */
    static OptionalDouble valueFrom(Trial t, int step) {
        SortedMap<Integer, Double> tail = t.intermediate().tailMap(step);
        return tail.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(tail.get(tail.firstKey()));
    }

    /** The first step at or after {@code step} at which a trial reported, or -1. */
    static int stepFrom(Trial t, int step) {
        SortedMap<Integer, Double> tail = t.intermediate().tailMap(step);
        return tail.isEmpty() ? -1 : tail.firstKey();
    }
}
