package io.pylon.config;

import java.util.ArrayList;
import java.util.List;

/**
 * A config list of components chosen by name ({@code metrics:}, {@code data.transforms:} ...): each item a bare
 * name or a {@code {name: ..., <params>}} map. Parsing it in one place keeps the shape and the error messages
 * the same for every kind.
 */
public final class ComponentList {

    /**
     * One item of the list.
     *
     * @param name the component's registered name
     * @param params the item without its {@code name} key (empty for a bare name)
     * @param keyPath the item's key path, e.g. {@code data.augment.2}
     * @param origin where the item is written
     */
    public record Item(String name, MapNode params, String keyPath, Origin origin) {
    }

    private ComponentList() {
    }

    /**
     * The items of {@code section}; a null section has none.
     *
     * @param kind what the items are, for messages ("metric", "transform")
     * @throws ConfigException for a section that is not a list, or an item without a usable name
     */
    public static List<Item> parse(ConfigNode section, String keyPath, String kind) {
        if (section instanceof ScalarNode scalar && scalar.isNull()) {
            return List.of();
        }
        if (!(section instanceof ListNode list)) {
            throw new ConfigException(section.origin(), keyPath,
                    "must be a list of " + kind + " names or {name: ..., <params>} maps");
        }
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < list.items().size(); i++) {
            ConfigNode item = list.items().get(i);
            String itemPath = keyPath + "." + i;
            if (item instanceof ScalarNode scalar && scalar.value() instanceof String text) {
                items.add(new Item(text, MapNode.empty(item.origin()), itemPath, item.origin()));
            } else if (item instanceof MapNode map) {
                ConfigNode nameNode = map.get("name").orElseThrow(() -> new ConfigException(map.origin(),
                        itemPath + ".name", "missing required value (the " + kind + " to use)"));
                if (!(nameNode instanceof ScalarNode s && s.value() instanceof String text)) {
                    throw new ConfigException(nameNode.origin(), itemPath + ".name", "must be a " + kind + " name");
                }
                items.add(new Item(text, map.without("name"), itemPath, item.origin()));
            } else {
                throw new ConfigException(item.origin(), itemPath,
                        "must be a " + kind + " name or a {name: ..., <params>} map");
            }
        }
        return items;
    }
}
