package io.pylon.contract;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import io.pylon.engine.Engine;
import io.pylon.metrics.Direction;
import io.pylon.metrics.MetricDirections;
import io.pylon.metrics.Metrics;
import io.pylon.registry.Component;
import io.pylon.registry.ComponentBinder;
import io.pylon.registry.ComponentKind;
import io.pylon.registry.Components;
import io.pylon.trainer.callback.Callbacks;

/**
 * The contract suites of every component kind, driven by a registry: every registered name of every kind is
 * checked, with no list to keep. Extend it in a test with the registry to check, e.g. a plugin's:
 * <pre>
 * class MyPluginContractTest extends ComponentContracts {
 *     protected Components components() {
 *         return StandardComponents.withPlugins();
 *     }
 * }
 * </pre>
 * Suites: {@link ParamsContract} for every kind (params record, defaults, binding, unknown keys),
 * {@link MetricContract} for metrics and {@link CallbackContract} for callbacks.
 */
public abstract class ComponentContracts {

    /** The registry whose components are checked. */
    protected abstract Components components();

    /** Whether to check {@code component}; all by default (a plugin may keep to its own). */
    protected boolean covers(Component<?, ?, ?> component) {
        return true;
    }

    @BeforeAll
    static void startEngine() {
        Engine.start();
    }

    @TestFactory
    Stream<DynamicTest> everyComponentKeepsTheParamsContract() {
        Components components = components();
        ComponentBinder binder = new ComponentBinder(components);
        return components.kinds().stream().flatMap(kind -> of(components, kind))
                .map(c -> DynamicTest.dynamicTest(c.kind() + " " + c.name(), () -> ParamsContract.check(binder, c)));
    }

    @TestFactory
    Stream<DynamicTest> everyMetricKeepsTheMetricContract() {
        Components components = components();
        ComponentBinder binder = new ComponentBinder(components);
        return of(components, Metrics.KIND)
                .map(c -> DynamicTest.dynamicTest("metric " + c.name(), () -> MetricContract.check(binder, c)));
    }

    @TestFactory
    Stream<DynamicTest> everyCallbackKeepsTheCallbackContract() {
        Components components = components();
        ComponentBinder binder = new ComponentBinder(components);
        MetricDirections directions = directionsOfEveryMetric(components);
        return of(components, Callbacks.KIND).map(c -> DynamicTest.dynamicTest("callback " + c.name(),
                () -> CallbackContract.check(binder, c, directions)));
    }

    private Stream<Component<?, ?, ?>> of(Components components, ComponentKind<?, ?> kind) {
        return components.names(kind).stream().<Component<?, ?, ?>>map(name -> components.get(kind, name))
                .filter(this::covers);
    }

    private static MetricDirections directionsOfEveryMetric(Components components) {
        Map<String, Direction> byMetric = new LinkedHashMap<>();
        for (String name : components.names(Metrics.KIND)) {
            components.get(Metrics.KIND, name).trait(Direction.class).ifPresent(d -> byMetric.put(name, d));
        }
        return new MetricDirections(byMetric);
    }
}
