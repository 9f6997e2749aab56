package io.pylon.track;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Runs whose configs differ only in {@code seed} (and run name), grouped: the "three seeds per config"
 * practice. Each group reports mean and sample standard deviation of every metric's final value.
 */
public final class SeedGroups {

    /** One group: its runs, a label naming what sets it apart, and per-metric statistics. */
    public record Group(String label, List<IndexedRun> runs, Map<String, Stats> finals) {
    }

    /** Mean and sample standard deviation over the runs that have the metric ({@code n} of them). */
    public record Stats(double mean, double std, int n) {

        public static Stats of(List<Double> values) {
            int n = values.size();
            double mean = values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
            double squares = values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
            return new Stats(mean, n > 1 ? Math.sqrt(squares / (n - 1)) : 0, n);
        }
    }

    private static final Set<String> SEED_KEYS = Set.of("seed");

    private SeedGroups() {
    }

    /** Groups of two or more runs; runs that have no seed-only sibling are left out. */
    public static List<Group> of(List<IndexedRun> runs) {
        List<List<IndexedRun>> groups = new ArrayList<>();
        for (IndexedRun run : runs) {
            List<IndexedRun> home = null;
            for (List<IndexedRun> g : groups) {
                IndexedRun first = g.get(0);
                if (first.experiment().equals(run.experiment()) && !first.config().isEmpty()
                        && ConfigDiff.sameExcept(first.config(), run.config(), SEED_KEYS)) {
                    home = g;
                    break;
                }
            }
            if (home == null) {
                home = new ArrayList<>();
                groups.add(home);
            }
            home.add(run);
        }
        List<Group> out = new ArrayList<>();
        for (List<IndexedRun> g : groups) {
            if (g.size() >= 2) {
                out.add(new Group(label(g, groups), List.copyOf(g), finals(g)));
            }
        }
        return out;
    }

    private static Map<String, Stats> finals(List<IndexedRun> group) {
        Set<String> metrics = new TreeSet<>();
        group.forEach(r -> metrics.addAll(r.metrics().keySet()));
        Map<String, Stats> out = new LinkedHashMap<>();
        for (String metric : metrics) {
            List<Double> values = new ArrayList<>();
            for (IndexedRun run : group) {
                MetricSummary s = run.metrics().get(metric);
                if (s != null && Double.isFinite(s.last())) {
                    values.add(s.last());
                }
            }
            if (!values.isEmpty()) {
                out.put(metric, Stats.of(values));
            }
        }
        return out;
    }

    /**
     * The experiment plus the config values that set this group apart from the other groups of its
     * experiment, e.g. "cls optim.lr=0.01".
     */
    private static String label(List<IndexedRun> group, List<List<IndexedRun>> groups) {
        IndexedRun first = group.get(0);
        List<IndexedRun> representatives = groups.stream().map(g -> g.get(0))
                .filter(r -> r.experiment().equals(first.experiment())).toList();
        StringBuilder label = new StringBuilder(first.experiment().isEmpty() ? "runs" : first.experiment());
        for (String key : ConfigDiff.varyingKeys(representatives)) {
            if (!SEED_KEYS.contains(key) && first.config().containsKey(key)) {
                label.append(' ').append(key).append('=').append(first.config().get(key));
            }
        }
        return label.toString();
    }
}
