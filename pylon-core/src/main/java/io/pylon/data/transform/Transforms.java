package io.pylon.data.transform;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import io.pylon.config.Binder;
import io.pylon.config.ComponentList;
import io.pylon.config.ConfigException;
import io.pylon.config.ConfigNode;
import io.pylon.config.MapNode;
import io.pylon.data.augment.IntensityTransforms;
import io.pylon.data.augment.SpatialTransforms;
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
        IntensityTransforms.register();
        SpatialTransforms.register();
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
        List<Transform> steps = new ArrayList<>();
        for (ComponentList.Item item : ComponentList.parse(section, keyPath, "transform")) {
            Entry entry;
            try {
                entry = REGISTRY.get(item.name());
            } catch (UnknownNameException e) {
                throw new ConfigException(item.origin(), item.keyPath(), e.getMessage());
            }
            steps.add(entry.factory().apply(Binder.bind(item.params(), item.keyPath(), entry.params())));
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
