package io.pylon.criteria;

import java.util.function.Function;

import io.pylon.config.Binder;
import io.pylon.config.MapNode;
import io.pylon.registry.Registry;

/** Builds the criterion named in the {@code criterion:} section. */
public final class Criteria {

    private record Entry(Class<? extends Record> params, Function<Record, Criterion> factory) {
    }

    private static final Registry<Entry> REGISTRY = new Registry<Entry>("criterion")
            .register("cross_entropy", new Entry(CrossEntropy.class, p -> (CrossEntropy) p));

    private Criteria() {
    }

    /** {@code section} is the whole {@code criterion:} map; its {@code name} picks the loss. */
    public static Criterion create(String name, MapNode params, String keyPath) {
        Entry entry = REGISTRY.get(name);
        return entry.factory().apply(Binder.bind(params, keyPath, entry.params()));
    }

    public static Registry<?> registry() {
        return REGISTRY;
    }
}
