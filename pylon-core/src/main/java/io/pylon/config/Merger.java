package io.pylon.config;

import java.util.LinkedHashMap;
import java.util.Map;

/** Deep merge for composition: maps merge key by key, anything else in the later tree replaces. */
final class Merger {

    private Merger() {
    }

    /** {@code top} merged over {@code base}; keys already in {@code base} keep their position. */
    static MapNode merge(MapNode base, MapNode top) {
        Map<String, ConfigNode> merged = new LinkedHashMap<>(base.entries());
        for (Map.Entry<String, ConfigNode> entry : top.entries().entrySet()) {
            ConfigNode previous = merged.get(entry.getKey());
            ConfigNode value = entry.getValue();
            if (previous instanceof MapNode previousMap && value instanceof MapNode valueMap) {
                value = merge(previousMap, valueMap);
            }
            merged.put(entry.getKey(), value);
        }
        return new MapNode(merged, base.origin());
    }
}
