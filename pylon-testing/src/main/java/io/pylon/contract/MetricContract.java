package io.pylon.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.pylon.metrics.Direction;
import io.pylon.metrics.Metric;
import io.pylon.metrics.Metrics;
import io.pylon.registry.Bound;
import io.pylon.registry.Component;
import io.pylon.registry.ComponentBinder;

/**
 * What every metric promises: a registered {@link Direction} that the metric itself reports, its registered name,
 * NaN for every key before the first update, and state that survives a save/load and a merge with a fresh copy.
 */
final class MetricContract {

    private MetricContract() {
    }

    @SuppressWarnings("unchecked")
    static void check(ComponentBinder binder, Component<?, ?, ?> component) {
        Direction registered = component.trait(Direction.class).orElseThrow(() -> new AssertionError(
                "metric '" + component.name() + "' is registered without a Direction trait"));
        Bound<Void, Metric> bound = (Bound<Void, Metric>) ParamsContract.example(binder, component);
        Metric metric = bound.create(null);
        assertThat(metric.name()).as("name of metric '%s'", component.name()).isEqualTo(component.name());
        assertThat(metric.direction()).as("direction of metric '%s'", component.name()).isEqualTo(registered);
        Map<String, Double> empty = metric.compute();
        assertThat(empty).as("metric '%s' before any update", component.name()).isNotEmpty()
                .allSatisfy((key, value) -> {
                    assertThat(key).startsWith(component.name());
                    assertThat(value).isNaN();
                });
        double[] state = metric.state();
        Metric reloaded = bound.create(null);
        reloaded.loadState(state);
        assertThat(reloaded.state()).as("state of metric '%s' after load", component.name()).containsExactly(state);
        reloaded.merge(bound.create(null));
        assertThat(reloaded.compute().keySet()).isEqualTo(empty.keySet());
        reloaded.reset();
        assertThat(reloaded.state()).containsExactly(bound.create(null).state());
        assertThat(component.kind()).isEqualTo(Metrics.KIND);
    }
}
