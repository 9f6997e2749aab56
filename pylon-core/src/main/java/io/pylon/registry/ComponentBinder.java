package io.pylon.registry;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.pylon.config.ConfigException;
import io.pylon.config.ConfigNode;
import io.pylon.config.ListNode;
import io.pylon.config.MapNode;
import io.pylon.config.Navigation;
import io.pylon.config.ScalarNode;
import io.pylon.config.Suggestions;
import io.pylon.config.TypeDescriptions;

/**
 * The one place where a config section becomes a component, for every kind: {@code {name: x, <params>}} (or
 * just {@code x}) is taken apart into the name, the reserved keys the caller asks for ({@code enabled},
 * {@code weight}, {@code monitor} ...) and the params, which bind to the component's record. Every mistake is a
 * {@link ConfigException} at the offending file:line and key path, with a did-you-mean for names.
 */
public final class ComponentBinder {

    private final Components components;

    public ComponentBinder(Components components) {
        this.components = components;
    }

    public Components components() {
        return components;
    }

    /**
     * A section taken apart.
     *
     * @param reserved the reserved keys present in the section (for the caller to bind)
     */
    public record Section<C, T>(Bound<C, T> bound, MapNode reserved) {
    }

    /** Binds {@code section} (a map with a {@code name}, or a bare name) to a component of {@code kind}. */
    public <C, T> Bound<C, T> bind(ComponentKind<C, T> kind, ConfigNode section, String keyPath) {
        return bind(kind, section, keyPath, Set.of()).bound();
    }

    /** As {@link #bind(ComponentKind, ConfigNode, String)}, handing the {@code reserved} keys back unbound. */
    public <C, T> Section<C, T> bind(ComponentKind<C, T> kind, ConfigNode section, String keyPath,
            Collection<String> reserved) {
        if (section instanceof ScalarNode scalar && scalar.value() instanceof String text) {
            Component<?, C, T> component = lookUp(kind, text, scalar, keyPath);
            MapNode empty = MapNode.empty(scalar.origin());
            return new Section<>(bindParams(component, empty, keyPath), empty);
        }
        if (!(section instanceof MapNode map)) {
            throw new ConfigException(section.origin(), keyPath,
                    "expected a " + kind + " name or a {name: ..., <params>} map, got " + TypeDescriptions.show(section));
        }
        String namePath = Navigation.child(keyPath, "name");
        ConfigNode nameNode = map.get("name").orElseThrow(() -> new ConfigException(map.origin(), namePath,
                "missing required value (the " + kind + " to use; known: " + known(kind) + ")"));
        if (!(nameNode instanceof ScalarNode scalar && scalar.value() instanceof String text)) {
            throw new ConfigException(nameNode.origin(), namePath, "expected a " + kind + " name, got " + TypeDescriptions.show(nameNode)
                    + " (known: " + known(kind) + ")");
        }
        Component<?, C, T> component = lookUp(kind, text, nameNode, namePath);
        MapNode params = map.without("name");
        Map<String, ConfigNode> reservedEntries = new LinkedHashMap<>();
        for (String key : reserved) {
            Optional<ConfigNode> value = map.get(key);
            if (value.isPresent()) {
                reservedEntries.put(key, value.get());
                params = params.without(key);
            }
        }
        return new Section<>(bindParams(component, params, keyPath), new MapNode(reservedEntries, map.origin()));
    }

    /**
     * Binds a list section ({@code metrics:}, {@code data.transforms:}): each item a name or a map with one. A
     * null section is the empty list.
     *
     * @param distinct whether a name may appear only once
     */
    public <C, T> List<Section<C, T>> bindList(ComponentKind<C, T> kind, ConfigNode section, String keyPath,
            Collection<String> reserved, boolean distinct) {
        if (section instanceof ScalarNode scalar && scalar.isNull()) {
            return List.of();
        }
        if (!(section instanceof ListNode list)) {
            throw new ConfigException(section.origin(), keyPath,
                    "expected a list of " + kind + " names or {name: ..., <params>} maps, got " + TypeDescriptions.show(section));
        }
        List<Section<C, T>> items = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < list.items().size(); i++) {
            ConfigNode item = list.items().get(i);
            Section<C, T> bound = bind(kind, item, Navigation.child(keyPath, Integer.toString(i)), reserved);
            if (distinct && !seen.add(bound.bound().name())) {
                throw new ConfigException(item.origin(), Navigation.child(keyPath, Integer.toString(i)),
                        kind + " '" + bound.bound().name() + "' is listed twice");
            }
            items.add(bound);
        }
        return items;
    }

    /** {@link #bindList} without reserved keys, returning the bound components. */
    public <C, T> List<Bound<C, T>> bindList(ComponentKind<C, T> kind, ConfigNode section, String keyPath,
            boolean distinct) {
        return bindList(kind, section, keyPath, Set.of(), distinct).stream().map(Section::bound).toList();
    }

    /** Binds {@code params} (no {@code name} key) to the params record of a component already chosen. */
    public <C, T> Bound<C, T> bindParams(Component<?, C, T> component, MapNode params, String keyPath) {
        Record bound = component.reader().read(params, keyPath, this);
        return new Bound<>(component, bound, keyPath, params);
    }

    private <C, T> Component<?, C, T> lookUp(ComponentKind<C, T> kind, String name, ConfigNode at, String keyPath) {
        if (!components.contains(kind, name)) {
            throw new ConfigException(at.origin(), keyPath, "unknown " + kind + " '" + name + "'"
                    + Suggestions.didYouMean(name, components.names(kind)) + " (known: " + known(kind) + ")");
        }
        return components.get(kind, name);
    }

    private String known(ComponentKind<?, ?> kind) {
        Set<String> names = components.names(kind);
        return names.isEmpty() ? "none registered" : String.join(", ", names);
    }
}
