package io.pylon.data.transform;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import io.pylon.config.Binder;
import io.pylon.config.ConfigException;
import io.pylon.config.ConfigNode;
import io.pylon.config.ListNode;
import io.pylon.config.MapNode;
import io.pylon.config.ScalarNode;
import io.pylon.plugin.Plugins;
import io.pylon.registry.Registry;
import io.pylon.registry.UnknownNameException;

/**
 * Transforms by name, and the chains ({@code data.transforms: [{name: flip, axes: [1], p: 0.5}, ...]}) that
 * configs build from them. Built-ins register here; plugins add more through {@link #register}.
 */
public final class Transforms {

    private record Entry(Class<? extends Record> params, Function<Record, Transform> factory) {
    }

    private static final Registry<Entry> REGISTRY = new Registry<Entry>("transform")
            .register("identity", new Entry(Identity.class, p -> (Identity) p));

    static {
        // each built-in family registers itself here (one line per family)
        io.pylon.data.augment.SpatialTransforms.register();
    }

    private Transforms() {
    }

    /**
     * Builds transform {@code name} from {@code params} (its config section without the {@code name} key);
     * {@code keyPath} names that section in error messages.
     *
     * @throws UnknownNameException for an unknown name (the message lists the known ones)
     */
    public static Transform create(String name, MapNode params, String keyPath) {
        Plugins.loadOnce();
        Entry entry = REGISTRY.get(name);
        return entry.factory().apply(Binder.bind(params, keyPath, entry.params()));
    }

    /**
     * The chain of a transform list section ({@code keyPath} e.g. {@code data.transforms}): each item a name or
     * a {@code {name: ..., <params>}} map. A null section is the empty chain. Errors are
     * {@link ConfigException}s naming the file, line and item.
     */
    public static Compose chain(ConfigNode section, String keyPath) {
        Plugins.loadOnce();
        if (section instanceof ScalarNode scalar && scalar.isNull()) {
            return new Compose(List.of());
        }
        if (!(section instanceof ListNode list)) {
            throw new ConfigException(section.origin(), keyPath,
                    "must be a list of transform names or {name: ..., <params>} maps");
        }
        List<Transform> steps = new ArrayList<>();
        for (int i = 0; i < list.items().size(); i++) {
            ConfigNode item = list.items().get(i);
            String itemPath = keyPath + "." + i;
            String name;
            MapNode params;
            if (item instanceof ScalarNode scalar && scalar.value() instanceof String text) {
                name = text;
                params = MapNode.empty(item.origin());
            } else if (item instanceof MapNode map) {
                ConfigNode nameNode = map.get("name").orElseThrow(() -> new ConfigException(map.origin(),
                        itemPath + ".name", "missing required value (the transform to apply)"));
                if (!(nameNode instanceof ScalarNode s && s.value() instanceof String text)) {
                    throw new ConfigException(nameNode.origin(), itemPath + ".name", "must be a transform name");
                }
                name = text;
                params = map.without("name");
            } else {
                throw new ConfigException(item.origin(), itemPath,
                        "must be a transform name or a {name: ..., <params>} map");
            }
            Entry entry;
            try {
                entry = REGISTRY.get(name);
            } catch (UnknownNameException e) {
                throw new ConfigException(item.origin(), itemPath, e.getMessage());
            }
            steps.add(entry.factory().apply(Binder.bind(params, itemPath, entry.params())));
        }
        return new Compose(steps);
    }

    /** Adds a transform (built-ins and plugins); a name can be registered once. */
    public static <P extends Record> void register(String name, Class<P> params, Function<? super P, Transform> factory) {
        REGISTRY.register(name, new Entry(params, p -> factory.apply(params.cast(p))));
    }

    public static Set<String> names() {
        Plugins.loadOnce();
        return REGISTRY.names();
    }
}
