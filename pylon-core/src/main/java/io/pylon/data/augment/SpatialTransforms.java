package io.pylon.data.augment;

import java.util.List;

import io.pylon.data.transform.Transforms;
import io.pylon.registry.ComponentRegistrar;

/** Registers the spatial transforms with {@link Transforms} under their config names. */
public final class SpatialTransforms {

    /** The config names this class registers. */
    public static final List<String> NAMES = List.of(Flip.NAME, Rot90.NAME, RandomCrop.NAME, CenterCrop.NAME,
            Pad.NAME, Resize.NAME, Affine.NAME, Elastic.NAME);

    private SpatialTransforms() {
    }

    /** Called once, from {@link Transforms}' static initialiser. */
    public static void register(ComponentRegistrar r) {
        r.registerSimple(Transforms.KIND, Flip.NAME, Flip.class, t -> t);
        r.registerSimple(Transforms.KIND, Rot90.NAME, Rot90.class, t -> t);
        r.registerSimple(Transforms.KIND, RandomCrop.NAME, RandomCrop.class, t -> t);
        r.registerSimple(Transforms.KIND, CenterCrop.NAME, CenterCrop.class, t -> t);
        r.registerSimple(Transforms.KIND, Pad.NAME, Pad.class, t -> t);
        r.registerSimple(Transforms.KIND, Resize.NAME, Resize.class, t -> t);
        r.registerSimple(Transforms.KIND, Affine.NAME, Affine.class, t -> t);
        r.registerSimple(Transforms.KIND, Elastic.NAME, Elastic.class, t -> t);
    }
}
