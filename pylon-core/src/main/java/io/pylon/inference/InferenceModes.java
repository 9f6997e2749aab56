package io.pylon.inference;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import io.pylon.config.Binder;
import io.pylon.config.ComponentList;
import io.pylon.config.ConfigException;
import io.pylon.config.ConfigNode;
import io.pylon.registry.Registry;
import io.pylon.registry.UnknownNameException;

/**
 * Inference modes by name ({@code inference.modes: [{name: tta, flips: [[0]]}, {name: mc_dropout, passes: 8}]}),
 * registered like transforms: a name, a validated params record, a factory.
 */
public final class InferenceModes {

    private record Entry(Class<? extends Record> params, Function<Record, InferenceMode> factory) {
    }

    private static final Registry<Entry> REGISTRY = new Registry<Entry>("inference mode");

    static {
        register("tta", TestTimeAugmentation.class, p -> p);
        register("mc_dropout", McDropout.class, p -> p);
    }

    private InferenceModes() {
    }

    /** The modes of a list section ({@code keyPath} e.g. {@code inference.modes}), in order. */
    public static List<InferenceMode> chain(ConfigNode section, String keyPath) {
        List<InferenceMode> modes = new ArrayList<>();
        for (ComponentList.Item item : ComponentList.parse(section, keyPath, "inference mode")) {
            Entry entry;
            try {
                entry = REGISTRY.get(item.name());
            } catch (UnknownNameException e) {
                throw new ConfigException(item.origin(), item.keyPath(), e.getMessage());
            }
            modes.add(entry.factory().apply(Binder.bind(item.params(), item.keyPath(), entry.params())));
        }
        return modes;
    }

    /** Adds a mode (built-ins and plugins); a name can be registered once. */
    public static <P extends Record> void register(String name, Class<P> params,
            Function<? super P, InferenceMode> factory) {
        REGISTRY.register(name, new Entry(params, p -> factory.apply(params.cast(p))));
    }

    public static Set<String> names() {
        return REGISTRY.names();
    }
}
