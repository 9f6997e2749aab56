package io.pylon.tune.sampler;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.pylon.metrics.Direction;
import io.pylon.tune.study.Trial;
import io.pylon.tune.study.TrialState;

/** Non-dominated sorting and crowding distance over complete trials of a study with several objectives. */
public final class ParetoFront {

    private ParetoFront() {
    }

    /** The complete trials no other complete trial dominates, in number order. */
    public static List<Trial> of(List<Trial> trials, List<Direction> directions) {
        List<Trial> complete = trials.stream().filter(t -> t.state() == TrialState.COMPLETE).toList();
        List<List<Trial>> fronts = fronts(complete, directions);
        return fronts.isEmpty() ? List.of() : fronts.getFirst();
    }

    /** Whether {@code a} is at least as good as {@code b} in every objective and better in one. */
    static boolean dominates(Trial a, Trial b, List<Direction> directions) {
        boolean strictly = false;
        for (int k = 0; k < directions.size(); k++) {
            int c = directions.get(k).compare(a.values().get(k), b.values().get(k));
            if (c < 0) {
                return false;
            }
            strictly |= c > 0;
        }
        return strictly;
    }

    /** Fast non-dominated sort (Deb et al. 2002): front 0 is the Pareto front, front 1 what it dominates next... */
    static List<List<Trial>> fronts(List<Trial> trials, List<Direction> directions) {
        int n = trials.size();
        int[] dominatedBy = new int[n];
        List<List<Integer>> dominating = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            dominating.add(new ArrayList<>());
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i != j && dominates(trials.get(i), trials.get(j), directions)) {
                    dominating.get(i).add(j);
                } else if (i != j && dominates(trials.get(j), trials.get(i), directions)) {
                    dominatedBy[i]++;
                }
            }
        }
        List<List<Trial>> fronts = new ArrayList<>();
        List<Integer> current = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (dominatedBy[i] == 0) {
                current.add(i);
            }
        }
        while (!current.isEmpty()) {
            List<Trial> front = new ArrayList<>();
            List<Integer> next = new ArrayList<>();
            for (int i : current) {
                front.add(trials.get(i));
                for (int j : dominating.get(i)) {
                    if (--dominatedBy[j] == 0) {
                        next.add(j);
                    }
                }
            }
            fronts.add(front);
            current = next;
        }
        return fronts;
    }

    /** Crowding distance of each trial of one front (infinite at the ends of each objective). */
    static double[] crowding(List<Trial> front, int objectives) {
        int n = front.size();
        double[] distance = new double[n];
        for (int k = 0; k < objectives; k++) {
            final int objective = k;
            Integer[] order = new Integer[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> Double.compare(front.get(a).values().get(objective),
                    front.get(b).values().get(objective)));
            double low = front.get(order[0]).values().get(k);
            double high = front.get(order[n - 1]).values().get(k);
            distance[order[0]] = Double.POSITIVE_INFINITY;
            distance[order[n - 1]] = Double.POSITIVE_INFINITY;
            if (high > low) {
                for (int i = 1; i < n - 1; i++) {
                    distance[order[i]] += (front.get(order[i + 1]).values().get(k)
                            - front.get(order[i - 1]).values().get(k)) / (high - low);
                }
            }
        }
        return distance;
    }
}
