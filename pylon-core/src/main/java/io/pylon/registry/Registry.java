package io.pylon.registry;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Components of one kind (models, optimizers, callbacks ...) by name. Names are case-sensitive
 * snake_case; registering a name twice is an error so that a plugin cannot silently shadow a built-in.
 */
public final class Registry<T> {

    private final String kind;
    private final Map<String, T> entries = new TreeMap<>();

    public Registry(String kind) {
        this.kind = kind;
    }

    public synchronized Registry<T> register(String name, T entry) {
        T previous = entries.putIfAbsent(name, entry);
        if (previous != null) {
            throw new IllegalStateException(kind + " '" + name + "' is registered twice ("
                    + previous.getClass().getName() + " and " + entry.getClass().getName() + ")");
        }
        return this;
    }

    /** The entry for {@code name}, or an {@link UnknownNameException} listing the known names. */
    public synchronized T get(String name) {
        T entry = entries.get(name);
        if (entry == null) {
            throw new UnknownNameException(kind, name, entries.keySet());
        }
        return entry;
    }

    public synchronized Set<String> names() {
        return Collections.unmodifiableSet(new TreeMap<>(entries).keySet());
    }

    public String kind() {
        return kind;
    }
}
