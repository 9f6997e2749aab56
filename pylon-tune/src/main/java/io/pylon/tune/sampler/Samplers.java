package io.pylon.tune.sampler;

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
 * The sampler components by name: {@code tune.sampler: {name: tpe, seed: 0, ...}}. Each is a params record
 * (validated in its constructor, defaults written once) and a factory, registered here once.
 */
public final class Samplers {

    private record Entry(Class<? extends Record> params, Function<Record, Sampler> factory) {
    }

    private static final Registry<Entry> REGISTRY = new Registry<Entry>("sampler")
            .register(RandomSampler.NAME, new Entry(RandomSampler.class, p -> (RandomSampler) p))
            .register(GridSampler.NAME, new Entry(GridSampler.class, p -> (GridSampler) p))
            .register(TpeSampler.NAME, new Entry(TpeSampler.Params.class, p -> new TpeSampler((TpeSampler.Params) p)))
            .register(CmaEsSampler.NAME, new Entry(CmaEsSampler.Params.class,
                    p -> new CmaEsSampler((CmaEsSampler.Params) p)))
            .register(Nsga2Sampler.NAME, new Entry(Nsga2Sampler.Params.class,
                    p -> new Nsga2Sampler((Nsga2Sampler.Params) p)));

    private Samplers() {
    }

    public static Set<String> names() {
        return REGISTRY.names();
    }

    /** Builds the sampler of a {@code {name: ..., params...}} section; {@code keyPath} names it in errors. */
    public static Sampler create(MapNode section, String keyPath) {
        String name = name(section, keyPath);
        Entry entry;
        try {
            entry = REGISTRY.get(name);
        } catch (UnknownNameException e) {
            throw new ConfigException(section.get("name").orElseThrow().origin(), keyPath + ".name", e.getMessage());
        }
        return entry.factory().apply(Binder.bind(section.without("name"), keyPath, entry.params()));
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
