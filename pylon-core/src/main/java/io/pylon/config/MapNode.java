package io.pylon.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** A YAML mapping. Keys keep the order in which they were written (and so does the saved config). */
public record MapNode(Map<String, ConfigNode> entries, Origin origin) implements ConfigNode {

    public MapNode {
        entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        if (origin == null) {
            throw new IllegalArgumentException("a node needs an origin");
        }
    }

    /** An empty map; the origin says where a value would have been written. */
    public static MapNode empty(Origin origin) {
        return new MapNode(Map.of(), origin);
    }

    public Optional<ConfigNode> get(String key) {
        return Optional.ofNullable(entries.get(key));
    }

    /** This map without {@code key} (the same map if the key is absent). */
    public MapNode without(String key) {
        if (!entries.containsKey(key)) {
            return this;
        }
        Map<String, ConfigNode> copy = new LinkedHashMap<>(entries);
        copy.remove(key);
        return new MapNode(copy, origin);
    }

    /** This map with {@code key} set to {@code value}; an existing key keeps its position. */
    public MapNode with(String key, ConfigNode value) {
        Map<String, ConfigNode> copy = new LinkedHashMap<>(entries);
        copy.put(key, value);
        return new MapNode(copy, origin);
    }
}
