package io.pylon.data.augment;

import java.util.List;

import io.pylon.data.transform.Transforms;

/** Registers the spatial transforms with {@link Transforms} under their config names. */
public final class SpatialTransforms {

    /** The config names this class registers. */
    public static final List<String> NAMES = List.of(Flip.NAME, Rot90.NAME, RandomCrop.NAME, CenterCrop.NAME,
            Pad.NAME, Resize.NAME, Affine.NAME, Elastic.NAME);

    private SpatialTransforms() {
    }

    /** Called once, from {@link Transforms}' static initialiser. */
    public static void register() {
        Transforms.register(Flip.NAME, Flip.class, t -> t);
        Transforms.register(Rot90.NAME, Rot90.class, t -> t);
        Transforms.register(RandomCrop.NAME, RandomCrop.class, t -> t);
        Transforms.register(CenterCrop.NAME, CenterCrop.class, t -> t);
        Transforms.register(Pad.NAME, Pad.class, t -> t);
        Transforms.register(Resize.NAME, Resize.class, t -> t);
        Transforms.register(Affine.NAME, Affine.class, t -> t);
        Transforms.register(Elastic.NAME, Elastic.class, t -> t);
    }
}
