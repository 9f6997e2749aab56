package io.pylon.tune.sampler;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.pylon.metrics.Direction;
import io.pylon.tune.study.Trial;
import io.pylon.tune.study.TrialState;

/**
 * Orders the trials of a single-objective study from best to worst, as TPE splits them: complete trials by
 * value; then pruned trials, those that got further first, each by its last reported value; then (constant
 * liar) running trials, as if they had the worst value, so that parallel workers do not all propose the
 * same point.
 */
final class Ranking {

    private Ranking() {
    }

    static List<Trial> bestFirst(List<Trial> trials, Direction direction, boolean includeRunning) {
        List<Trial> complete = new ArrayList<>();
        List<Trial> pruned = new ArrayList<>();
        List<Trial> running = new ArrayList<>();
        for (Trial t : trials) {
            switch (t.state()) {
                case COMPLETE -> complete.add(t);
                case PRUNED -> {
                    if (!t.intermediate().isEmpty()) {
                        pruned.add(t);
                    }
                }
                case RUNNING -> running.add(t);
                default -> {
                }
            }
        }
        Comparator<Double> better = (a, b) -> direction.compare(b, a);
        complete.sort(Comparator.comparing((Trial t) -> t.values().getFirst(), better));
        pruned.sort(Comparator.comparing((Trial t) -> -t.intermediate().lastKey())
                .thenComparing(t -> t.lastIntermediate().orElse(Double.NaN), better));
        List<Trial> ordered = new ArrayList<>(complete);
        ordered.addAll(pruned);
        if (includeRunning) {
            ordered.addAll(running);
        }
        return ordered;
    }

    static long finishedCount(List<Trial> trials) {
        return trials.stream().filter(t -> t.state() == TrialState.COMPLETE || t.state() == TrialState.PRUNED).count();
    }
}
