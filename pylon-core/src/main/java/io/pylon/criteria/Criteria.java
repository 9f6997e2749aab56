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
            .register("cross_entropy", new Entry(CrossEntropy.class, p -> (CrossEntropy) p))
            .register("bce_with_logits", new Entry(BceWithLogits.class, p -> (BceWithLogits) p))
            .register("dice", new Entry(Dice.class, p -> (Dice) p))
            .register("focal", new Entry(Focal.class, p -> (Focal) p))
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
        Entry entry = REGISTRY.get(name);
        return entry.factory().apply(Binder.bind(params, keyPath, entry.params()));
    }

    /** The registered names with their parameter records. */
    public static Registry<?> registry() {
        return REGISTRY;
    }
}
