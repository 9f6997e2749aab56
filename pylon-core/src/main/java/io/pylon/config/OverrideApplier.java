package io.pylon.config;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import io.pylon.config.override.AddKey;
import io.pylon.config.override.ConfigOverride;
import io.pylon.config.override.DeleteKey;
import io.pylon.config.override.KeyPath;
import io.pylon.config.override.SetValue;

/**
 * Applies parsed overrides to a composed tree. Setting or deleting a key that does not exist is an
 * error naming the nearest existing key, because a typo on the command line must not silently start a
 * long run with the value the user meant to change.
 */
final class OverrideApplier {

    private OverrideApplier() {
    }

    static MapNode applyAll(MapNode root, List<ConfigOverride> overrides) {
        MapNode result = root;
        for (ConfigOverride override : overrides) {
            result = apply(result, override);
        }
        return result;
    }

    static MapNode apply(MapNode root, ConfigOverride override) {
        List<String> segments = override.path().segments();
        return switch (override) {
            case SetValue set -> {
                if (Navigation.find(root, segments).isPresent()) {
                    yield (MapNode) update(root, segments, 0, parent -> replace(parent, set.path().last(), set.value()));
                }
                // A key the YAML leaves to a record default (trainer.threads=2) must be settable without '+':
                // the binder checks it against the record, so a typo is still an unknown-key error there.
                yield (MapNode) addAt(root, segments, 0, new AddKey(set.text(), set.path(), set.value()));
            }
            case AddKey add -> (MapNode) addAt(root, segments, 0, add);
            case DeleteKey delete -> {
                requireExisting(root, delete.path(), override, "");
                yield (MapNode) update(root, segments, 0, parent -> remove(parent, delete.path().last()));
            }
        };
    }

    /**
     * Rebuilds the (existing) path to the parent of the last segment, applying {@code change} to that
     * parent; nodes are immutable, so every ancestor is copied.
     */
    private static ConfigNode update(ConfigNode node, List<String> segments, int depth,
                                     UnaryOperator<ConfigNode> change) {
        if (depth == segments.size() - 1) {
            return change.apply(node);
        }
        String segment = segments.get(depth);
        ConfigNode child = Navigation.step(node, segment).orElseThrow(
                () -> new IllegalStateException("path checked before the update: " + segments));
        return replace(node, segment, update(child, segments, depth + 1, change));
    }

    private static ConfigNode addAt(ConfigNode node, List<String> segments, int depth, AddKey add) {
        String segment = segments.get(depth);
        if (!(node instanceof MapNode map)) {
            throw new ConfigException(add.origin(), Navigation.join(segments.subList(0, depth)),
                    "is not a map, so key '" + segment + "' cannot be added to it");
        }
        if (depth == segments.size() - 1) {
            if (map.entries().containsKey(segment)) {
                throw new ConfigException(add.origin(), add.path().toString(),
                        "key already exists; to change it write " + add.text().substring(1));
            }
            return map.with(segment, add.value());
        }
        // Like Hydra, "+a.b.c=1" creates the maps on the way that are not there yet.
        ConfigNode child = map.get(segment).orElseGet(() -> MapNode.empty(add.origin()));
        return map.with(segment, addAt(child, segments, depth + 1, add));
    }

    private static void requireExisting(MapNode root, KeyPath path, ConfigOverride override, String hint) {
        if (Navigation.find(root, path.segments()).isEmpty()) {
            throw missing(root, path.segments(), override, hint);
        }
    }

    private static ConfigException missing(ConfigNode root, List<String> segments, ConfigOverride override,
                                           String hint) {
        return new ConfigException(override.origin(), Navigation.join(segments),
                "unknown key: " + Navigation.explainMissing(root, segments) + hint);
    }

    private static ConfigNode replace(ConfigNode parent, String segment, ConfigNode value) {
        return switch (parent) {
            case MapNode map -> map.with(segment, value);
            case ListNode list -> {
                List<ConfigNode> items = new ArrayList<>(list.items());
                items.set(Integer.parseInt(segment), value);
                yield new ListNode(items, list.origin());
            }
            case ScalarNode scalar -> throw new IllegalStateException("navigation never ends at a scalar parent");
        };
    }

    private static ConfigNode remove(ConfigNode parent, String segment) {
        return switch (parent) {
            case MapNode map -> map.without(segment);
            case ListNode list -> {
                List<ConfigNode> items = new ArrayList<>(list.items());
                items.remove(Integer.parseInt(segment));
                yield new ListNode(items, list.origin());
            }
            case ScalarNode scalar -> throw new IllegalStateException("navigation never ends at a scalar parent");
        };
    }
}
