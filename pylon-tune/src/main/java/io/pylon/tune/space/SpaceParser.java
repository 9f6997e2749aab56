package io.pylon.tune.space;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.pylon.config.ConfigException;
import io.pylon.config.ConfigNode;
import io.pylon.config.ListNode;
import io.pylon.config.MapNode;
import io.pylon.config.Origin;
import io.pylon.config.ScalarNode;
import io.pylon.tune.Json;

/**
 * Reads {@code tune.params}: a map from config key path to one distribution,
 * <pre>
 *   optim.lr:       {log_uniform: [1e-4, 1e-1]}
 *   optim.momentum: {uniform: [0.5, 0.99], when: {optim.name: sgd}}
 *   model.width:    {choice: [32, 64, 128]}
 *   model.depth:    {int: [2, 8]}            # or log_int
 * </pre>
 * Every mistake (unknown kind, empty or inverted range, log range reaching 0, a condition on an unknown
 * or later parameter) is a {@link ConfigException} at the value's file:line.
 */
public final class SpaceParser {

    private static final List<String> KINDS = List.of("uniform", "log_uniform", "int", "log_int", "choice");

    private SpaceParser() {
    }

    /** Reads a space written as JSON (what {@code pylon study ask --space} takes and storage keeps). */
    public static SearchSpace parseJson(String json, String source) {
        Map<String, Object> tree;
        try {
            tree = Json.readMap(json);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(Origin.described(source), "", e.getMessage());
        }
        return parse(node(tree, Origin.described(source)), "space");
    }

    private static ConfigNode node(Object value, Origin origin) {
        if (value instanceof Map<?, ?> map) {
            Map<String, ConfigNode> entries = new LinkedHashMap<>();
            map.forEach((k, v) -> entries.put(String.valueOf(k), node(v, origin)));
            return new MapNode(entries, origin);
        }
        if (value instanceof List<?> list) {
            return new ListNode(list.stream().map(v -> node(v, origin)).toList(), origin);
        }
        return new ScalarNode(value, origin);
    }

    public static SearchSpace parse(ConfigNode section, String keyPath) {
        if (!(section instanceof MapNode map) || map.entries().isEmpty()) {
            throw new ConfigException(section.origin(), keyPath,
                    "expected a map from config key path to a distribution, e.g. {optim.lr: {log_uniform: [1e-4, 1e-1]}}");
        }
        Map<String, ConfigNode> flat = new LinkedHashMap<>();
        flatten(map, "", flat);
        List<Param> params = new ArrayList<>();
        for (Map.Entry<String, ConfigNode> entry : flat.entrySet()) {
            params.add(param(entry.getKey(), entry.getValue(), keyPath + "." + entry.getKey(), params));
        }
        return new SearchSpace(params);
    }

    /** Where parameter {@code name} of a {@code tune.params} section was written (for errors about it). */
    public static Origin originOf(ConfigNode section, String name) {
        Map<String, ConfigNode> flat = new LinkedHashMap<>();
        if (section instanceof MapNode map) {
            flatten(map, "", flat);
        }
        ConfigNode node = flat.get(name);
        return node == null ? section.origin() : node.origin();
    }

    /**
     * {@code optim.lr: {...}} and {@code optim: {lr: {...}}} mean the same parameter; the nested form is what an
     * override {@code tune.params.optim.lr=...} writes, so a later entry replaces an earlier one of the same path.
     */
    private static void flatten(MapNode map, String prefix, Map<String, ConfigNode> flat) {
        for (Map.Entry<String, ConfigNode> entry : map.entries().entrySet()) {
            String name = prefix + entry.getKey();
            if (entry.getValue() instanceof MapNode nested && !nested.entries().isEmpty()
                    && nested.entries().keySet().stream().noneMatch(k -> KINDS.contains(k) || k.equals("when"))) {
                flatten(nested, name + ".", flat);
            } else {
                flat.put(name, entry.getValue());
            }
        }
    }

    private static Param param(String name, ConfigNode node, String path, List<Param> earlier) {
        if (!(node instanceof MapNode spec)) {
            throw new ConfigException(node.origin(), path, "expected {KIND: [...]} with KIND one of " + KINDS);
        }
        List<String> kinds = spec.entries().keySet().stream().filter(k -> !k.equals("when")).toList();
        if (kinds.size() != 1 || !KINDS.contains(kinds.getFirst())) {
            throw new ConfigException(spec.origin(), path, "expected exactly one of " + KINDS
                    + " (and optionally when), got " + spec.entries().keySet());
        }
        String kind = kinds.getFirst();
        ConfigNode values = spec.get(kind).orElseThrow();
        Distribution distribution;
        try {
            distribution = switch (kind) {
                case "choice" -> new Choice(scalars(values, path + ".choice"));
                case "uniform", "log_uniform" -> {
                    double[] range = bounds(values, path + "." + kind);
                    yield new FloatRange(range[0], range[1], kind.equals("log_uniform"));
                }
                default -> {
                    double[] range = bounds(values, path + "." + kind);
                    if (range[0] != Math.rint(range[0]) || range[1] != Math.rint(range[1])) {
                        throw new IllegalArgumentException("needs integer bounds, got [" + range[0] + ", " + range[1] + "]");
                    }
                    yield new IntRange((long) range[0], (long) range[1], kind.equals("log_int"));
                }
            };
        } catch (IllegalArgumentException e) {
            throw new ConfigException(values.origin(), path + "." + kind, e.getMessage());
        }
        Map<String, List<Object>> when = new LinkedHashMap<>();
        ConfigNode whenNode = spec.get("when").orElse(null);
        if (whenNode != null) {
            if (!(whenNode instanceof MapNode conditions) || conditions.entries().isEmpty()) {
                throw new ConfigException(whenNode.origin(), path + ".when", "expected {parameter: value or [values]}");
            }
            for (Map.Entry<String, ConfigNode> condition : conditions.entries().entrySet()) {
                String parent = condition.getKey();
                String conditionPath = path + ".when." + parent;
                Param parentParam = earlier.stream().filter(p -> p.name().equals(parent)).findFirst()
                        .orElseThrow(() -> new ConfigException(condition.getValue().origin(), conditionPath,
                                "a condition must name a choice parameter listed before this one; known: "
                                        + earlier.stream().map(Param::name).toList()));
                if (!(parentParam.distribution() instanceof Choice choice)) {
                    throw new ConfigException(condition.getValue().origin(), conditionPath,
                            "a condition must name a choice parameter, but " + parent + " is a range");
                }
                List<Object> options = condition.getValue() instanceof ListNode
                        ? scalars(condition.getValue(), conditionPath) : List.of(scalar(condition.getValue(), conditionPath));
                for (Object option : options) {
                    if (choice.indexOf(option) < 0) {
                        throw new ConfigException(condition.getValue().origin(), conditionPath,
                                option + " is not one of " + parent + "'s options " + choice.options());
                    }
                }
                when.put(parent, options.stream().map(Choice::normalize).toList());
            }
        }
        return new Param(name, distribution, when);
    }

    private static double[] bounds(ConfigNode node, String path) {
        List<Object> values = scalars(node, path);
        if (values.size() != 2 || !(values.get(0) instanceof Number low) || !(values.get(1) instanceof Number high)) {
            throw new ConfigException(node.origin(), path, "expected [low, high] with two numbers");
        }
        return new double[] {low.doubleValue(), high.doubleValue()};
    }

    private static List<Object> scalars(ConfigNode node, String path) {
        if (!(node instanceof ListNode list)) {
            throw new ConfigException(node.origin(), path, "expected a list");
        }
        List<Object> values = new ArrayList<>();
        for (ConfigNode item : list.items()) {
            values.add(scalar(item, path));
        }
        return values;
    }

    private static Object scalar(ConfigNode node, String path) {
        if (!(node instanceof ScalarNode s) || s.value() == null) {
            throw new ConfigException(node.origin(), path, "expected numbers, strings or booleans");
        }
        return s.value();
    }
}
