package io.pylon.tune.pruner;

import io.pylon.registry.ComponentKind;
import io.pylon.registry.ComponentRegistrar;

/**
 * The pruner component kind: {@code tune.pruner: {name: asha, reduction_factor: 3}}. A pruner is built with the
 * steps a full trial trains (the trainer's max_epochs), which Hyperband uses when its max_resource is left 0.
 */
public final class Pruners {

    public static final ComponentKind<Integer, Pruner> KIND = new ComponentKind<>("pruner", Pruner.class);

    private Pruners() {
    }

    public static void registerBuiltIns(ComponentRegistrar r) {
        r.registerSimple(KIND, NoPruner.NAME, NoPruner.class, p -> p);
        r.registerSimple(KIND, MedianPruner.NAME, MedianPruner.class, p -> p);
        r.registerSimple(KIND, SuccessiveHalvingPruner.NAME, SuccessiveHalvingPruner.class, p -> p);
        r.register(KIND, HyperbandPruner.NAME, HyperbandPruner.class,
                (HyperbandPruner p, Integer maxSteps) -> p.withDefaultMaxResource(maxSteps));
    }
}
