package io.pylon.tune.pruner;

import java.util.Set;
import java.util.function.Function;

import io.pylon.config.Binder;
import io.pylon.config.ConfigException;
import io.pylon.config.ConfigNode;
import io.pylon.config.MapNode;
import io.pylon.config.ScalarNode;
import io.pylon.registry.Registry;
import io.pylon.registry.UnknownNameException;

/**
 * The pruner components by name: {@code tune.pruner: {name: asha, reduction_factor: 3}}. Each is a params record
 * (validated in its constructor, defaults written once) and a factory, registered here once.
 */
public final class Pruners {

    private record Entry(Class<? extends Record> params, Function<Record, Pruner> factory) {
    }

    private static final Registry<Entry> REGISTRY = new Registry<Entry>("pruner")
            .register(NoPruner.NAME, new Entry(NoPruner.class, p -> (NoPruner) p))
            .register(MedianPruner.NAME, new Entry(MedianPruner.class, p -> (MedianPruner) p))
            .register(SuccessiveHalvingPruner.NAME, new Entry(SuccessiveHalvingPruner.class,
                    p -> (SuccessiveHalvingPruner) p))
            .register(HyperbandPruner.NAME, new Entry(HyperbandPruner.class, p -> (HyperbandPruner) p));

    private Pruners() {
    }

    public static Set<String> names() {
        return REGISTRY.names();
    }

    /** Builds the pruner of a {@code {name: ..., params...}} section ({@code maxSteps}: what a full trial trains); {@code keyPath} names it in errors. */
    public static Pruner create(MapNode section, String keyPath, int maxSteps) {
        String name = name(section, keyPath);
        Entry entry;
        try {
            entry = REGISTRY.get(name);
        } catch (UnknownNameException e) {
            throw new ConfigException(section.get("name").orElseThrow().origin(), keyPath + ".name", e.getMessage());
        }
        Pruner pruner = entry.factory().apply(Binder.bind(section.without("name"), keyPath, entry.params()));
        return pruner instanceof HyperbandPruner hyperband ? hyperband.withDefaultMaxResource(maxSteps) : pruner;
    }

    static String name(MapNode section, String keyPath) {
        ConfigNode name = section.get("name").orElseThrow(() -> new ConfigException(section.origin(),
                keyPath + ".name", "missing required value (one of: " + String.join(", ", REGISTRY.names()) + ")"));
        if (name instanceof ScalarNode s && s.value() instanceof String text) {
            return text;
        }
        throw new ConfigException(name.origin(), keyPath + ".name", "expected a name");
    }
}
