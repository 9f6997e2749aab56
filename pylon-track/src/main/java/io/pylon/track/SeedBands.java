package io.pylon.track;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Mean and sample standard deviation of one metric across the runs of a seed group, at every step
 * that all of them logged (steps some seeds have not reached yet are left out, so a band never mixes
 * different numbers of runs).
 */
public record SeedBands(String metric, long[] steps, double[] mean, double[] std, int runs) {

    public static SeedBands of(RunIndex index, List<IndexedRun> group, String metric) {
        Map<Long, List<Double>> byStep = new TreeMap<>();
        Map<Long, Integer> seen = new HashMap<>();
        for (IndexedRun run : group) {
            Series s = index.series(run.id(), metric, Long.MIN_VALUE);
            for (int i = 0; i < s.size(); i++) {
                if (Double.isFinite(s.values()[i])) {
                    byStep.computeIfAbsent(s.steps()[i], k -> new ArrayList<>()).add(s.values()[i]);
                    seen.merge(s.steps()[i], 1, Integer::sum);
                }
            }
        }
        List<Long> steps = new ArrayList<>();
        List<SeedGroups.Stats> stats = new ArrayList<>();
        byStep.forEach((step, values) -> {
            if (values.size() == group.size()) {
                steps.add(step);
                stats.add(SeedGroups.Stats.of(values));
            }
        });
        long[] s = new long[steps.size()];
        double[] m = new double[steps.size()];
        double[] d = new double[steps.size()];
        for (int i = 0; i < s.length; i++) {
            s[i] = steps.get(i);
            m[i] = stats.get(i).mean();
            d[i] = stats.get(i).std();
        }
        return new SeedBands(metric, s, m, d, group.size());
    }
}
