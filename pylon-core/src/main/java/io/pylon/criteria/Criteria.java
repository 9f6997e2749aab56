package io.pylon.criteria;

import java.util.List;

import io.pylon.config.Binder;
import io.pylon.config.ConfigNode;
import io.pylon.config.ListNode;
import io.pylon.config.MapNode;
import io.pylon.config.ScalarNode;
import io.pylon.registry.Component;
import io.pylon.registry.ComponentKind;
import io.pylon.registry.ComponentRegistrar;

/** The loss kind: the {@code criterion:} section names a loss and holds its params. */
public final class Criteria {

    public static final ComponentKind<Void, Criterion> KIND = new ComponentKind<>("criterion", Criterion.class);

    private Criteria() {
    }

    /** The single-output losses; the composites register in {@link io.pylon.criteria.composite.CompositeCriteria}. */
    public static void registerBuiltIns(ComponentRegistrar r) {
        r.registerSimple(KIND, "cross_entropy", CrossEntropy.class, p -> p);
        r.add(scalarOrList("bce_with_logits", BceWithLogits.class, "pos_weight"));
        r.registerSimple(KIND, "dice", Dice.class, p -> p);
        r.add(scalarOrList("focal", Focal.class, "alpha"));
        r.registerSimple(KIND, "tversky", Tversky.class, p -> p);
        r.registerSimple(KIND, "focal_tversky", FocalTversky.class, p -> p);
        r.registerSimple(KIND, "topk", TopK.class, p -> p);
        r.registerSimple(KIND, "mse", Mse.class, p -> p);
        r.registerSimple(KIND, "l1", L1.class, p -> p);
        r.registerSimple(KIND, "smooth_l1", SmoothL1.class, p -> p);
    }

    /**
     * A loss whose list-valued {@code keys} may also be written as one number ({@code alpha: 0.25} reads as
     * {@code alpha: [0.25]}).
     */
    private static <P extends Record & Criterion> Component<P, Void, Criterion> scalarOrList(String name,
            Class<P> params, String... keys) {
        return new Component<>(KIND, name, params, (section, keyPath, binder) -> {
            MapNode widened = section;
            for (String key : keys) {
                ConfigNode node = widened.get(key).orElse(null);
                if (node instanceof ScalarNode scalar && !scalar.isNull()) {
                    widened = widened.with(key, new ListNode(List.of(scalar), scalar.origin()));
                }
            }
            return Binder.bind(widened, keyPath, params);
        }, (p, none) -> p, List.of());
    }
}
