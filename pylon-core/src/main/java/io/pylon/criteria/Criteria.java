package io.pylon.criteria;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import io.pylon.config.Binder;
import io.pylon.config.ConfigNode;
import io.pylon.config.ListNode;
import io.pylon.config.MapNode;
import io.pylon.config.ScalarNode;
import io.pylon.criteria.composite.CompositeCriteria;
import io.pylon.plugin.Plugins;
import io.pylon.registry.Registry;
import io.pylon.registry.UnknownNameException;

/** Builds the criterion named in the {@code criterion:} section. */
public final class Criteria {

    /**
     * @param params        the loss's parameter record
     * @param factory       builds the criterion from the bound record
     * @param scalarOrList  list-valued keys that may also be written as one number ({@code alpha: 0.25} reads
     *                      as {@code alpha: [0.25]})
     */
    private record Entry(Class<? extends Record> params, Function<Record, Criterion> factory,
                         Set<String> scalarOrList) {

        Entry(Class<? extends Record> params, Function<Record, Criterion> factory) {
            this(params, factory, Set.of());
        }
    }

    private static final Registry<Entry> REGISTRY = new Registry<Entry>("criterion")
            .register("cross_entropy", new Entry(CrossEntropy.class, p -> (CrossEntropy) p))
            .register("bce_with_logits", new Entry(BceWithLogits.class, p -> (BceWithLogits) p,
                    Set.of("pos_weight")))
            .register("dice", new Entry(Dice.class, p -> (Dice) p))
            .register("focal", new Entry(Focal.class, p -> (Focal) p, Set.of("alpha")))
            .register("tversky", new Entry(Tversky.class, p -> (Tversky) p))
            .register("focal_tversky", new Entry(FocalTversky.class, p -> (FocalTversky) p))
            .register("topk", new Entry(TopK.class, p -> (TopK) p))
            .register("mse", new Entry(Mse.class, p -> (Mse) p))
            .register("l1", new Entry(L1.class, p -> (L1) p))
            .register("smooth_l1", new Entry(SmoothL1.class, p -> (SmoothL1) p));

    private Criteria() {
    }

    /**
     * Builds loss {@code name} from {@code params}, the {@code criterion:} section without its {@code name} key;
     * {@code keyPath} names that section in error messages, which point at the offending file and line.
     */
    public static Criterion create(String name, MapNode params, String keyPath) {
        Plugins.loadOnce();
        if (CompositeCriteria.isComposite(name)) {
            return CompositeCriteria.create(name, params, keyPath, (inner, innerParams) -> create(inner, innerParams, keyPath));
        }
        if (!REGISTRY.names().contains(name)) {
            Set<String> known = new TreeSet<>(REGISTRY.names());
            known.addAll(CompositeCriteria.names());
            throw new UnknownNameException("criterion", name, known);
        }
        Entry entry = REGISTRY.get(name);
        MapNode section = params;
        for (String key : entry.scalarOrList()) {
            ConfigNode node = section.get(key).orElse(null);
            if (node instanceof ScalarNode scalar && !scalar.isNull()) {
                section = section.with(key, new ListNode(List.of(scalar), scalar.origin()));
            }
        }
        return entry.factory().apply(Binder.bind(section, keyPath, entry.params()));
    }

    /** The registered names with their parameter records. */
    public static Registry<?> registry() {
        Plugins.loadOnce();
        return REGISTRY;
    }

    /** Adds a loss (plugins); a name can be registered once, and composite names are reserved. */
    public static <P extends Record> void register(String name, Class<P> params, Function<? super P, Criterion> factory) {
        if (CompositeCriteria.isComposite(name)) {
            throw new IllegalStateException("criterion '" + name + "' is a built-in composite and cannot be registered");
        }
        REGISTRY.register(name, new Entry(params, p -> factory.apply(params.cast(p))));
    }
}
