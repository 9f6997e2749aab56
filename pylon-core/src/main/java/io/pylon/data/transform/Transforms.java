package io.pylon.data.transform;

import java.util.Set;
import java.util.function.Function;

import io.pylon.config.Binder;
import io.pylon.config.MapNode;
import io.pylon.plugin.Plugins;
import io.pylon.registry.Registry;

/**
 * Transforms by name: the extension point the data-pipeline issue builds its augmentation lists on.
 * Until then only {@code identity} is built in and plugins may add more; nothing in the loaders applies
 * them yet.
 */
public final class Transforms {

    private record Entry(Class<? extends Record> params, Function<Record, Transform> factory) {
    }

    private static final Registry<Entry> REGISTRY = new Registry<Entry>("transform")
            .register("identity", new Entry(Identity.class, p -> (Identity) p));

    private Transforms() {
    }

    /**
     * Builds transform {@code name} from {@code params} (its config section without the {@code name} key);
     * {@code keyPath} names that section in error messages.
     *
     * @throws io.pylon.registry.UnknownNameException for an unknown name (the message lists the known ones)
     */
    public static Transform create(String name, MapNode params, String keyPath) {
        Plugins.loadOnce();
        Entry entry = REGISTRY.get(name);
        return entry.factory().apply(Binder.bind(params, keyPath, entry.params()));
    }

    /** Adds a transform (plugins); a name can be registered once. */
    public static <P extends Record> void register(String name, Class<P> params, Function<? super P, Transform> factory) {
        REGISTRY.register(name, new Entry(params, p -> factory.apply(params.cast(p))));
    }

    public static Set<String> names() {
        Plugins.loadOnce();
        return REGISTRY.names();
    }
}
