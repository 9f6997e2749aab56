package io.pylon.data.augment;

import java.util.List;

import io.pylon.data.transform.Transforms;
import io.pylon.registry.ComponentRegistrar;

/**
 * Registers the intensity transforms under their config names. Each transform record is its own parameter
 * record, so the registry binds a config section straight to it.
 */
public final class IntensityTransforms {

    /** The config names registered by {@link #register()}, in registration order. */
    public static final List<String> NAMES = List.of("to_float", "normalize", "scale_intensity", "shift_intensity",
            "gamma", "gaussian_noise", "rician_noise", "bias_field", "motion_ghosting", "clahe", "gaussian_blur");

    private IntensityTransforms() {
    }

    /** Called once from the {@link Transforms} registry's initialiser. */
    public static void register(ComponentRegistrar r) {
        r.registerSimple(Transforms.KIND, "to_float", ToFloat.class, p -> p);
        r.registerSimple(Transforms.KIND, "normalize", NormalizeIntensity.class, p -> p);
        r.registerSimple(Transforms.KIND, "scale_intensity", ScaleIntensity.class, p -> p);
        r.registerSimple(Transforms.KIND, "shift_intensity", ShiftIntensity.class, p -> p);
        r.registerSimple(Transforms.KIND, "gamma", Gamma.class, p -> p);
        r.registerSimple(Transforms.KIND, "gaussian_noise", GaussianNoise.class, p -> p);
        r.registerSimple(Transforms.KIND, "rician_noise", RicianNoise.class, p -> p);
        r.registerSimple(Transforms.KIND, "bias_field", BiasField.class, p -> p);
        r.registerSimple(Transforms.KIND, "motion_ghosting", MotionGhosting.class, p -> p);
        r.registerSimple(Transforms.KIND, "clahe", Clahe.class, p -> p);
        r.registerSimple(Transforms.KIND, "gaussian_blur", GaussianBlur.class, p -> p);
    }
}
