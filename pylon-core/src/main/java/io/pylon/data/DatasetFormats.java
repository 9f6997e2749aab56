package io.pylon.data;

import java.util.Set;
import java.util.function.Function;

import io.pylon.config.Binder;
import io.pylon.config.MapNode;
import io.pylon.data.format.StandardFormats;
import io.pylon.data.packed.PackedFormat;
import io.pylon.data.volume.VolumeFormats;
import io.pylon.plugin.Plugins;
import io.pylon.registry.Registry;

/**
 * File formats by name ({@code image_folder}, {@code csv}, {@code npy} ...): each binds its config section
 * (the section of one split, e.g. {@code data.train}) to a parameter record and opens a {@link Dataset}.
 */
public final class DatasetFormats {

    private record Entry(Class<? extends Record> params, Function<Record, Dataset> opener) {
    }

    private static final Registry<Entry> REGISTRY = new Registry<>("dataset format");

    static {
        PackedFormat.register();
        StandardFormats.register();
        VolumeFormats.register();
    }

    private DatasetFormats() {
    }

    /** Adds a format; a name can be registered once. */
    public static <P extends Record> void register(String name, Class<P> params,
            Function<? super P, ? extends Dataset> opener) {
        REGISTRY.register(name, new Entry(params, p -> opener.apply(params.cast(p))));
    }

    /**
     * Opens a dataset of format {@code name} from {@code section}; {@code keyPath} names the section in
     * errors.
     *
     * @throws io.pylon.registry.UnknownNameException for an unknown format (the message lists the known ones)
     */
    public static Dataset open(String name, MapNode section, String keyPath) {
        Plugins.loadOnce();
        Entry entry = REGISTRY.get(name);
        return entry.opener().apply(Binder.bind(section, keyPath, entry.params()));
    }

    public static boolean contains(String name) {
        Plugins.loadOnce();
        return REGISTRY.names().contains(name);
    }

    public static Set<String> names() {
        Plugins.loadOnce();
        return REGISTRY.names();
    }
}
