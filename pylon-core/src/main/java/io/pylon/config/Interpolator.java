package io.pylon.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.SequencedSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.pylon.config.override.KeyPath;

/**
 * Resolves {@code ${key.path}} references (absolute paths from the root). A value that is exactly one
 * reference becomes a copy of the referenced node with its type ({@code lr: ${base_lr}} stays a
 * number, a map stays a map); a reference inside longer text is substituted as text.
 */
final class Interpolator {

    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([^${}]*)}");

    private final MapNode original;
    private final Map<String, ConfigNode> resolved = new HashMap<>();
    /** Paths being resolved, in order, to detect and report cycles such as {@code a -> b -> a}. */
    private final SequencedSet<String> active = new LinkedHashSet<>();

    private Interpolator(MapNode original) {
        this.original = original;
    }

    static MapNode resolve(MapNode root) {
        return (MapNode) new Interpolator(root).resolveNode(root, "");
    }

    private ConfigNode resolveNode(ConfigNode node, String path) {
        ConfigNode done = resolved.get(path);
        if (done != null) {
            return done;
        }
        active.add(path);
        ConfigNode result = switch (node) {
            case MapNode map -> {
                Map<String, ConfigNode> entries = new LinkedHashMap<>();
                map.entries().forEach((key, child) -> entries.put(key, resolveNode(child, Navigation.child(path, key))));
                yield new MapNode(entries, map.origin());
            }
            case ListNode list -> {
                List<ConfigNode> items = new ArrayList<>();
                for (int i = 0; i < list.items().size(); i++) {
                    items.add(resolveNode(list.items().get(i), Navigation.child(path, Integer.toString(i))));
                }
                yield new ListNode(items, list.origin());
            }
            case ScalarNode scalar when scalar.value() instanceof String text && text.contains("${") ->
                    interpolate(text, scalar, path);
            case ScalarNode scalar -> scalar;
        };
        active.remove(path);
        resolved.put(path, result);
        return result;
    }

    private ConfigNode interpolate(String text, ScalarNode scalar, String path) {
        Matcher whole = REFERENCE.matcher(text);
        if (whole.matches()) {
            return withOrigin(target(whole.group(1), scalar, path), scalar.origin());
        }
        StringBuilder out = new StringBuilder();
        Matcher matcher = REFERENCE.matcher(text);
        int end = 0;
        while (matcher.find()) {
            String between = text.substring(end, matcher.start());
            requireClosed(between, text, scalar, path);
            out.append(between).append(asText(target(matcher.group(1), scalar, path), matcher.group(), scalar, path));
            end = matcher.end();
        }
        requireClosed(text.substring(end), text, scalar, path);
        return new ScalarNode(out.append(text.substring(end)).toString(), scalar.origin());
    }

    private ConfigNode target(String reference, ScalarNode scalar, String path) {
        String key = reference.strip();
        if (!KeyPath.isValid(key)) {
            throw new ConfigException(scalar.origin(), path, "bad reference '${" + reference
                    + "}': expected ${key.path} with an absolute path such as ${optim.lr}");
        }
        if (active.contains(key)) {
            List<String> chain = new ArrayList<>();
            boolean inCycle = false;
            for (String step : active) {
                inCycle |= step.equals(key);
                if (inCycle) {
                    chain.add(step);
                }
            }
            chain.add(key);
            throw new ConfigException(scalar.origin(), path, "interpolation cycle: " + String.join(" -> ", chain));
        }
        List<String> segments = Navigation.split(key);
        ConfigNode node = Navigation.find(original, segments).orElseThrow(() -> new ConfigException(
                scalar.origin(), path, "unknown reference '${" + reference + "}': "
                        + Navigation.explainMissing(original, segments)));
        return resolveNode(node, key);
    }

    private static String asText(ConfigNode value, String reference, ScalarNode scalar, String path) {
        if (value instanceof ScalarNode target) {
            return String.valueOf(target.value());
        }
        throw new ConfigException(scalar.origin(), path, "'" + reference + "' is a "
                + (value instanceof MapNode ? "map" : "list") + " and cannot be inserted into text;"
                + " write it as the whole value to copy it");
    }

    private static void requireClosed(String literal, String text, ScalarNode scalar, String path) {
        if (literal.contains("${")) {
            throw new ConfigException(scalar.origin(), path,
                    "unclosed or malformed reference in '" + text + "'; expected ${key.path}");
        }
    }

    private static ConfigNode withOrigin(ConfigNode node, Origin origin) {
        return switch (node) {
            case MapNode map -> new MapNode(map.entries(), origin);
            case ListNode list -> new ListNode(list.items(), origin);
            case ScalarNode value -> new ScalarNode(value.value(), origin);
        };
    }
}
