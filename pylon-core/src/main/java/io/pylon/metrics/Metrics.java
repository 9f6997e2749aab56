package io.pylon.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import io.pylon.registry.Registry;

/** Builds the metrics listed by name in the {@code metrics:} section. */
public final class Metrics {

    private static final Registry<Supplier<Metric>> REGISTRY = new Registry<Supplier<Metric>>("metric")
            .register("accuracy", Accuracy::new);

    private Metrics() {
    }

    public static List<Metric> create(List<String> names) {
        List<Metric> metrics = new ArrayList<>();
        for (String name : names) {
            metrics.add(REGISTRY.get(name).get());
        }
        return metrics;
    }

    /** Direction of a metric by name; "loss" is always lower-is-better. */
    public static Direction direction(String name) {
        return name.equals("loss") ? Direction.LOWER_IS_BETTER : REGISTRY.get(name).get().direction();
    }
}
