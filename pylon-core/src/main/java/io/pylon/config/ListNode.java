package io.pylon.config;

import java.util.List;

/** A YAML sequence. */
public record ListNode(List<ConfigNode> items, Origin origin) implements ConfigNode {

    public ListNode {
        items = List.copyOf(items);
        if (origin == null) {
            throw new IllegalArgumentException("a node needs an origin");
        }
    }
}
