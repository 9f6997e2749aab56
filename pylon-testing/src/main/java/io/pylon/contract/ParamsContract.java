package io.pylon.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.util.Map;

import io.pylon.config.Binder;
import io.pylon.config.ConfigException;
import io.pylon.config.ConfigNode;
import io.pylon.config.Default;
import io.pylon.config.MapNode;
import io.pylon.config.Origin;
import io.pylon.config.ScalarNode;
import io.pylon.config.YamlReader;
import io.pylon.registry.Bound;
import io.pylon.registry.Component;
import io.pylon.registry.ComponentBinder;

/**
 * What every component of every kind promises about its params: a record; every {@code @Default} readable as its
 * type; a section binds to the record or fails as a {@link ConfigException} at that section (never another
 * exception); binding is deterministic; an unknown key is refused, naming it.
 */
final class ParamsContract {

    static final String PATH = "contract";

    private ParamsContract() {
    }

    static void check(ComponentBinder binder, Component<?, ?, ?> component) {
        Class<? extends Record> type = component.paramsType();
        assertThat(type.isRecord()).as("%s '%s' params %s is a record", component.kind(), component.name(), type)
                .isTrue();
        for (RecordComponent field : type.getRecordComponents()) {
            Default fallback = field.getAnnotation(Default.class);
            if (fallback != null) {
                ConfigNode value = YamlReader.readValue(fallback.value(), Origin.described("@Default"));
                Binder.bindValue(value, PATH + "." + field.getName(), field.getGenericType());
            }
        }
        bindsOrRefuses(binder, component, MapNode.empty(Origin.described("empty section")));
        MapNode example = ExampleSections.of(type);
        Bound<?, ?> first = bindsOrRefuses(binder, component, example);
        if (first != null) {
            Bound<?, ?> second = binder.bindParams(component, example, PATH);
            assertThat(second.params()).as("binding %s '%s' twice", component.kind(), component.name())
                    .isEqualTo(first.params());
        }
        MapNode unknown = example.with("contract_probe_key", new ScalarNode(1L, Origin.described("probe")));
        try {
            binder.bindParams(component, unknown, PATH);
            throw new AssertionError(component.kind() + " '" + component.name() + "' accepted an unknown key");
        } catch (ConfigException e) {
            assertThat(e.getMessage()).as("%s '%s' names the unknown key", component.kind(), component.name())
                    .contains("contract_probe_key");
        }
    }

    /** The bound component, or null when the section is refused (as a config error at the section). */
    static Bound<?, ?> bindsOrRefuses(ComponentBinder binder, Component<?, ?, ?> component, MapNode section) {
        try {
            return binder.bindParams(component, section, PATH);
        } catch (ConfigException e) {
            assertThat(e.keyPath()).as("%s '%s' refuses %s at its own key path: %s", component.kind(),
                    component.name(), section.entries().keySet(), e.getMessage()).startsWith(PATH);
            return null;
        }
    }

    /** The bound example params of {@code component}, failing when a contract needs them and they do not bind. */
    static Bound<?, ?> example(ComponentBinder binder, Component<?, ?, ?> component) {
        Bound<?, ?> bound = bindsOrRefuses(binder, component, ExampleSections.of(component.paramsType()));
        assertThat(bound).as("%s '%s' builds from its defaults plus one example value per required key (%s)",
                component.kind(), component.name(), Map.copyOf(ExampleSections.of(component.paramsType()).entries()))
                .isNotNull();
        return bound;
    }
}
