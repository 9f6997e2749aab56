package io.pylon.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Picks the best of several evaluations judged on several monitors at once ({@code val/dice/mean},
 * {@code val/hd95/mean}), each with the direction of its metric ({@link Metrics#direction}).
 *
 * <p>The order: evaluation {@code a} <em>dominates</em> {@code b} (Pareto) when it is at least as good on every
 * monitor and better on one. Dominance is a partial order; two evaluations are incomparable when each is better on
 * some monitor. Incomparable (and equal) evaluations are ordered lexicographically by the monitors in the order
 * listed: the first monitor on which they differ decides. That lexicographic order is a total preorder that extends
 * dominance, so the best evaluation it picks is always on the Pareto front, and among the front it is the one best
 * on the first monitor (then the second ...). A missing or NaN value is worse than any number. Among evaluations
 * equal on every monitor the earliest stays best.
 */
public final class BestSelector {

    private final List<String> monitors;
    private final List<Direction> directions;

    /** {@code monitors} are {@code <split>/<key>} strings; the first one breaks ties between incomparables. */
    public BestSelector(List<String> monitors, MetricDirections directionsOfMetrics) {
        if (monitors.isEmpty()) {
            throw new IllegalArgumentException("a best selector needs at least one monitor");
        }
        this.monitors = List.copyOf(monitors);
        List<Direction> dirs = new ArrayList<>();
        for (String monitor : monitors) {
            dirs.add(directionsOfMetrics.of(monitor));
        }
        this.directions = List.copyOf(dirs);
    }

    public List<String> monitors() {
        return monitors;
    }

    /** True when {@code a} is at least as good as {@code b} on every monitor and better on at least one. */
    public boolean dominates(Map<String, Double> a, Map<String, Double> b) {
        boolean better = false;
        for (int i = 0; i < monitors.size(); i++) {
            int c = compareOn(i, a, b);
            if (c < 0) {
                return false;
            }
            better |= c > 0;
        }
        return better;
    }

    /** Positive when {@code a} is better than {@code b} in the documented total order, 0 when equal on all. */
    public int compare(Map<String, Double> a, Map<String, Double> b) {
        if (dominates(a, b)) {
            return 1;
        }
        if (dominates(b, a)) {
            return -1;
        }
        for (int i = 0; i < monitors.size(); i++) {
            int c = compareOn(i, a, b);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    /** Whether {@code candidate} replaces {@code incumbent} (none yet: always). */
    public boolean improves(Map<String, Double> candidate, Optional<Map<String, Double>> incumbent) {
        return incumbent.isEmpty() || compare(candidate, incumbent.get()) > 0;
    }

    /** The index of the best evaluation (the earliest among equals), empty for an empty list. */
    public Optional<Integer> best(List<Map<String, Double>> evaluations) {
        Integer best = null;
        for (int i = 0; i < evaluations.size(); i++) {
            if (best == null || compare(evaluations.get(i), evaluations.get(best)) > 0) {
                best = i;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The indices of the evaluations no other one dominates, in list order. */
    public List<Integer> paretoFront(List<Map<String, Double>> evaluations) {
        List<Integer> front = new ArrayList<>();
        for (int i = 0; i < evaluations.size(); i++) {
            boolean dominated = false;
            for (int j = 0; j < evaluations.size() && !dominated; j++) {
                dominated = j != i && dominates(evaluations.get(j), evaluations.get(i));
            }
            if (!dominated) {
                front.add(i);
            }
        }
        return front;
    }

    private int compareOn(int i, Map<String, Double> a, Map<String, Double> b) {
        String key = monitors.get(i);
        return directions.get(i).compare(value(a, key), value(b, key));
    }

    private static double value(Map<String, Double> values, String key) {
        Double v = values.get(key);
        return v == null ? Double.NaN : v;
    }
}
