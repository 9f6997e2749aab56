package io.pylon.contract;

import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

import io.pylon.config.ConfigNode;
import io.pylon.config.Default;
import io.pylon.config.ListNode;
import io.pylon.config.MapNode;
import io.pylon.config.Origin;
import io.pylon.config.ScalarNode;

/**
 * The smallest section a params record plausibly binds from: nothing for components with a default or an
 * optional type, a small example value for each required one (3 for numbers, so {@code num_classes: 3}). Lets a
 * suite build components it knows nothing about.
 */
final class ExampleSections {

    private static final Origin ORIGIN = Origin.described("contract example");

    private ExampleSections() {
    }

    static MapNode of(Class<? extends Record> params) {
        Map<String, ConfigNode> entries = new LinkedHashMap<>();
        for (RecordComponent component : params.getRecordComponents()) {
            Class<?> type = component.getType();
            if (component.isAnnotationPresent(Default.class) || type == Optional.class || type == OptionalInt.class
                    || type == OptionalLong.class || type == OptionalDouble.class) {
                continue;
            }
            example(type).ifPresent(value -> entries.put(yamlKey(component.getName()), value));
        }
        return new MapNode(entries, ORIGIN);
    }

    private static Optional<ConfigNode> example(Class<?> type) {
        if (type == int.class || type == long.class || type == Integer.class || type == Long.class) {
            return Optional.of(new ScalarNode(3L, ORIGIN));
        }
        if (type == double.class || type == float.class || type == Double.class) {
            return Optional.of(new ScalarNode(0.5, ORIGIN));
        }
        if (type == boolean.class || type == Boolean.class) {
            return Optional.of(new ScalarNode(false, ORIGIN));
        }
        if (type.isEnum() && type.getEnumConstants().length > 0) {
            return Optional.of(new ScalarNode(type.getEnumConstants()[0].toString().toLowerCase(java.util.Locale.ROOT),
                    ORIGIN));
        }
        if (type == List.class) {
            return Optional.of(new ListNode(List.of(), ORIGIN));
        }
        return Optional.empty();
    }

    /** {@code numClasses} is written {@code num_classes}. */
    static String yamlKey(String componentName) {
        return componentName.replaceAll("([A-Z])", "_$1").toLowerCase(java.util.Locale.ROOT);
    }
}
