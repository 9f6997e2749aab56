package io.pylon.registry;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Every registered component of every kind: built once at the application's edge (built-ins, then plugins)
 * and passed down; immutable afterwards, so nothing below the edge can add to it or depend on the order
 * components were added in. Tests build their own.
 */
public final class Components {

    private final Map<ComponentKind<?, ?>, Map<String, Component<?, ?, ?>>> byKind;

    private Components(Map<ComponentKind<?, ?>, Map<String, Component<?, ?, ?>>> byKind) {
        Map<ComponentKind<?, ?>, Map<String, Component<?, ?, ?>>> copy = new LinkedHashMap<>();
        byKind.forEach((kind, components) -> copy.put(kind, Collections.unmodifiableMap(new TreeMap<>(components))));
        this.byKind = Collections.unmodifiableMap(copy);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Component {@code name} of {@code kind}.
     *
     * @throws UnknownNameException naming the nearest known name and listing all of them
     */
    @SuppressWarnings("unchecked")
    public <C, T> Component<?, C, T> get(ComponentKind<C, T> kind, String name) {
        Component<?, ?, ?> component = byKind.getOrDefault(kind, Map.of()).get(name);
        if (component == null) {
            throw new UnknownNameException(kind.name(), name, names(kind));
        }
        return (Component<?, C, T>) component;
    }

    public boolean contains(ComponentKind<?, ?> kind, String name) {
        return byKind.getOrDefault(kind, Map.of()).containsKey(name);
    }

    /** The names of {@code kind}, sorted. */
    public Set<String> names(ComponentKind<?, ?> kind) {
        return byKind.getOrDefault(kind, Map.of()).keySet();
    }

    /** The kinds that have at least one component, in the order their first component was added. */
    public Set<ComponentKind<?, ?>> kinds() {
        return byKind.keySet();
    }

    /** Collects components; {@link #build} freezes them. Not thread-safe: one edge builds one registry. */
    public static final class Builder implements ComponentRegistrar {

        private final Map<ComponentKind<?, ?>, Map<String, Component<?, ?, ?>>> byKind = new LinkedHashMap<>();

        private Builder() {
        }

        /** @throws IllegalStateException when {@code component}'s kind already has its name */
        @Override
        public void add(Component<?, ?, ?> component) {
            Map<String, Component<?, ?, ?>> names = byKind.computeIfAbsent(component.kind(), k -> new LinkedHashMap<>());
            Component<?, ?, ?> previous = names.putIfAbsent(component.name(), component);
            if (previous != null) {
                throw new IllegalStateException(component.kind() + " '" + component.name() + "' is registered twice ("
                        + previous.paramsType().getName() + " and " + component.paramsType().getName() + ")");
            }
        }

        public Components build() {
            return new Components(byKind);
        }
    }
}
