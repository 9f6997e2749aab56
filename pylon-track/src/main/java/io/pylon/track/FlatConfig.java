package io.pylon.track;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * A resolved {@code config.yaml} as dotted keys ({@code optim.lr}, {@code callbacks[0].name}) to their
 * text values, in file order: what filters, columns and diffs compare.
 */
final class FlatConfig {

    private FlatConfig() {
    }

    static Map<String, String> parse(String yaml) {
        Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        Map<String, String> out = new LinkedHashMap<>();
        flatten("", root, out);
        return out;
    }

    private static void flatten(String prefix, Object node, Map<String, String> out) {
        if (node instanceof Map<?, ?> map) {
            if (map.isEmpty() && !prefix.isEmpty()) {
                out.put(prefix, "{}");
            }
            map.forEach((k, v) -> flatten(prefix.isEmpty() ? String.valueOf(k) : prefix + "." + k, v, out));
        } else if (node instanceof List<?> list) {
            if (list.isEmpty()) {
                out.put(prefix, "[]");
            }
            for (int i = 0; i < list.size(); i++) {
                flatten(prefix + "[" + i + "]", list.get(i), out);
            }
        } else if (!prefix.isEmpty()) {
            out.put(prefix, node == null ? "null" : String.valueOf(node));
        }
    }
}
