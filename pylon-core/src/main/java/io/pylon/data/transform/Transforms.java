package io.pylon.data.transform;

import io.pylon.config.ConfigNode;
import io.pylon.data.augment.IntensityTransforms;
import io.pylon.data.augment.SpatialTransforms;
import io.pylon.registry.ComponentBinder;
import io.pylon.registry.ComponentKind;
import io.pylon.registry.ComponentRegistrar;

/**
 * The transform kind, and the chains ({@code data.transforms: [{name: flip, axes: [1], p: 0.5}, ...]}) that
 * configs build from it.
 */
public final class Transforms {

    public static final ComponentKind<Void, Transform> KIND = new ComponentKind<>("transform", Transform.class);

    private Transforms() {
    }

    public static void registerBuiltIns(ComponentRegistrar r) {
        r.registerSimple(KIND, "identity", Identity.class, p -> p);
        IntensityTransforms.register(r);
        SpatialTransforms.register(r);
    }

    /**
     * The chain of a transform list section ({@code keyPath} e.g. {@code data.transforms}): each item a name or a
     * {@code {name: ..., <params>}} map. A null section is the empty chain.
     */
    public static Compose chain(ComponentBinder binder, ConfigNode section, String keyPath) {
        return new Compose(binder.bindList(KIND, section, keyPath, false).stream().map(b -> b.create(null)).toList());
    }
}
