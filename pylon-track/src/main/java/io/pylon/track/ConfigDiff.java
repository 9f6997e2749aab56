package io.pylon.track;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The config keys whose values differ between runs (a key missing in a run counts as differing). */
public final class ConfigDiff {

    /** One differing key with each run's value ("" where the run lacks it). */
    public record Difference(String key, List<String> values) {
    }

    private ConfigDiff() {
    }

    public static List<Difference> of(List<IndexedRun> runs) {
        Set<String> keys = new LinkedHashSet<>();
        runs.forEach(r -> keys.addAll(r.config().keySet()));
        List<Difference> out = new ArrayList<>();
        for (String key : keys) {
            List<String> values = new ArrayList<>();
            for (IndexedRun run : runs) {
                values.add(run.config().getOrDefault(key, ""));
            }
            if (values.stream().distinct().count() > 1 && !ignored(key)) {
                out.add(new Difference(key, values));
            }
        }
        return out;
    }

    /** Keys that always differ between runs and say nothing about what was run. */
    static boolean ignored(String key) {
        return key.equals("experiment.run_name");
    }

    /** Config keys that vary across {@code runs}, in first-seen order (what the runs table shows as columns). */
    public static List<String> varyingKeys(List<IndexedRun> runs) {
        return of(runs).stream().map(Difference::key)
                .sorted(java.util.Comparator.comparingInt(ConfigDiff::rank)).toList();
    }

    /** What usually explains a difference between runs comes first; bookkeeping sections last. */
    private static int rank(String key) {
        String section = key.replaceAll("[.\\[].*", "");
        return switch (section) {
            case "optim", "schedule" -> 0;
            case "model", "criterion" -> 1;
            case "data", "trainer", "metrics" -> 2;
            case "seed" -> 3;
            default -> 4;
        };
    }

    static boolean sameExcept(Map<String, String> a, Map<String, String> b, Set<String> except) {
        Set<String> keys = new LinkedHashSet<>(a.keySet());
        keys.addAll(b.keySet());
        for (String key : keys) {
            if (!except.contains(key) && !ignored(key) && !java.util.Objects.equals(a.get(key), b.get(key))) {
                return false;
            }
        }
        return true;
    }
}
