package io.pylon.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.pylon.metrics.MetricDirections;
import io.pylon.registry.Bound;
import io.pylon.registry.Component;
import io.pylon.registry.ComponentBinder;
import io.pylon.trainer.callback.Callback;
import io.pylon.trainer.callback.Stateful;

/**
 * What every callback promises: it is built from its defaults (plus example values) and the run's metric
 * directions, answers to its registered name (its checkpoint state is filed under it), and a stateful callback's
 * state loads back into a fresh instance unchanged.
 */
final class CallbackContract {

    private CallbackContract() {
    }

    @SuppressWarnings("unchecked")
    static void check(ComponentBinder binder, Component<?, ?, ?> component, MetricDirections directions) {
        Bound<MetricDirections, Callback> bound =
                (Bound<MetricDirections, Callback>) ParamsContract.example(binder, component);
        Callback callback = bound.create(directions);
        assertThat(callback.name()).as("name of callback '%s'", component.name()).isEqualTo(component.name());
        if (callback instanceof Stateful stateful) {
            Map<String, Object> state = stateful.state();
            Stateful fresh = (Stateful) bound.create(directions);
            fresh.loadState(state);
            assertThat(fresh.state()).as("state of callback '%s' after load", component.name()).isEqualTo(state);
        }
    }
}
