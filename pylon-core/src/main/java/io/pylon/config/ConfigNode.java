package io.pylon.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One node of a config tree. Every node remembers its {@link Origin} so that binding and validation
 * errors can name the file and line the value came from, even after composition and overrides.
 */
public sealed interface ConfigNode permits MapNode, ListNode, ScalarNode {

    Origin origin();

    /**
     * The tree as plain Java values ({@code Map<String,Object>} in key order, {@code List<Object>},
     * String, Long, Double, Boolean or null), without origins: what two trees are compared by when
     * only their content matters (e.g. a saved config loaded back).
     */
    default Object toPlain() {
        return switch (this) {
            case MapNode map -> {
                Map<String, Object> plain = new LinkedHashMap<>();
                map.entries().forEach((key, value) -> plain.put(key, value.toPlain()));
                yield Collections.unmodifiableMap(plain);
            }
            case ListNode list -> {
                List<Object> plain = new ArrayList<>();
                list.items().forEach(item -> plain.add(item.toPlain()));
                yield Collections.unmodifiableList(plain);
            }
            case ScalarNode scalar -> scalar.value();
        };
    }
}
