package io.pylon.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.pylon.config.Suggestions;
import io.pylon.registry.Bound;

/**
 * The direction of every value a run will report, known from its configured metrics before any of them exists:
 * a monitor {@code <split>/<key>} ({@code val/f1/macro}) takes the direction of the metric named by the key's
 * first part ({@code f1}); {@code loss} is lower-is-better. Unknown monitors are refused with the nearest valid
 * one, so a typo cannot silently disable a plateau schedule or early stopping.
 */
public final class MetricDirections {

    /** The splits a monitor may name. */
    public static final List<String> SPLITS = List.of("train", "val", "test");

    private final Map<String, Direction> byMetric;

    public MetricDirections(Map<String, Direction> byMetric) {
        Map<String, Direction> copy = new LinkedHashMap<>(byMetric);
        copy.putIfAbsent("loss", Direction.LOWER_IS_BETTER);
        this.byMetric = Map.copyOf(copy);
    }

    /** The directions of the configured metrics, each read from its registered {@link Direction} trait. */
    public static MetricDirections of(List<Bound<Void, Metric>> metrics) {
        Map<String, Direction> byMetric = new LinkedHashMap<>();
        for (Bound<Void, Metric> metric : metrics) {
            byMetric.put(metric.name(), metric.component().trait(Direction.class).orElseThrow(
                    () -> new IllegalStateException("metric '" + metric.name() + "' was registered without a Direction")));
        }
        return new MetricDirections(byMetric);
    }

    /** The metric names (and {@code loss}) a monitor may refer to. */
    public Set<String> metrics() {
        return byMetric.keySet();
    }

    /**
     * The direction of monitor {@code key} ({@code val/accuracy}).
     *
     * @throws IllegalArgumentException for a malformed key, an unknown split or a metric the run does not
     *     compute; the message suggests the nearest valid monitor
     */
    public Direction of(String key) {
        int slash = key.indexOf('/');
        if (slash <= 0 || slash == key.length() - 1) {
            throw new IllegalArgumentException("must be <split>/<metric>, e.g. val/loss or val/accuracy, got '" + key + "'");
        }
        String split = key.substring(0, slash);
        String metricKey = key.substring(slash + 1);
        int sub = metricKey.indexOf('/');
        String metric = sub < 0 ? metricKey : metricKey.substring(0, sub);
        Direction direction = byMetric.get(metric);
        if (!SPLITS.contains(split) || direction == null) {
            List<String> valid = new ArrayList<>();
            for (String s : SPLITS) {
                byMetric.keySet().stream().sorted().forEach(m -> valid.add(s + "/" + m));
            }
            throw new IllegalArgumentException("'" + key + "' is not reported by this run"
                    + Suggestions.didYouMean(key, valid) + " (monitors: <split>/<metric> with split one of "
                    + String.join(", ", SPLITS) + " and metric one of " + String.join(", ", byMetric.keySet().stream()
                    .sorted().toList()) + ")");
        }
        return direction;
    }
}
