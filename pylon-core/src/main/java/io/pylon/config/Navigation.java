package io.pylon.config;

import java.util.List;
import java.util.Optional;

/** Looks nodes up by key path segments; an all-digit segment indexes a list. */
public final class Navigation {

    private Navigation() {
    }

    public static List<String> split(String keyPath) {
        return keyPath.isEmpty() ? List.of() : List.of(keyPath.split("\\.", -1));
    }

    static String join(List<String> segments) {
        return String.join(".", segments);
    }

    public static String child(String keyPath, String key) {
        return keyPath.isEmpty() ? key : keyPath + "." + key;
    }

    public static Optional<ConfigNode> find(ConfigNode root, List<String> segments) {
        ConfigNode node = root;
        for (String segment : segments) {
            Optional<ConfigNode> next = step(node, segment);
            if (next.isEmpty()) {
                return Optional.empty();
            }
            node = next.get();
        }
        return Optional.of(node);
    }

    static Optional<ConfigNode> step(ConfigNode node, String segment) {
        return switch (node) {
            case MapNode map -> map.get(segment);
            case ListNode list -> index(segment, list.items().size()).map(i -> list.items().get(i));
            case ScalarNode scalar -> Optional.empty();
        };
    }

    /** The list index {@code segment} names, if it is all digits and within {@code size}. */
    static Optional<Integer> index(String segment, int size) {
        if (segment.isEmpty() || segment.length() > 9 || !segment.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        int index = Integer.parseInt(segment);
        return index < size ? Optional.of(index) : Optional.empty();
    }

    /**
     * Explains why {@code segments} is not in {@code root}: names the first missing segment's path and
     * the nearest key that does exist there, e.g. {@code "no key 'model.widht'; did you mean 'model.width'?"}.
     */
    static String explainMissing(ConfigNode root, List<String> segments) {
        ConfigNode node = root;
        for (int i = 0; i < segments.size(); i++) {
            String prefix = join(segments.subList(0, i));
            String path = join(segments.subList(0, i + 1));
            Optional<ConfigNode> next = step(node, segments.get(i));
            if (next.isEmpty()) {
                return switch (node) {
                    case MapNode map -> map.entries().isEmpty()
                            ? "no key '" + path + "' ('" + displayPath(prefix) + "' is an empty map)"
                            : "no key '" + path + "'" + Suggestions.nearest(segments.get(i), map.entries().keySet())
                                    .map(n -> "; did you mean '" + child(prefix, n) + "'?").orElse("");
                    case ListNode list -> "no item '" + path + "' ('" + displayPath(prefix) + "' is a list of "
                            + list.items().size() + " items, indexed from 0)";
                    case ScalarNode scalar -> "no key '" + path + "' ('" + displayPath(prefix)
                            + "' is a single value, not a map)";
                };
            }
            node = next.get();
        }
        throw new IllegalStateException("'" + join(segments) + "' exists");
    }

    private static String displayPath(String prefix) {
        return prefix.isEmpty() ? "the top level" : prefix;
    }
}
