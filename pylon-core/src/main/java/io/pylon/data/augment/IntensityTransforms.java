package io.pylon.data.augment;

import java.util.List;

import io.pylon.data.transform.Transforms;

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
    public static void register() {
        Transforms.register("to_float", ToFloat.class, p -> p);
        Transforms.register("normalize", NormalizeIntensity.class, p -> p);
        Transforms.register("scale_intensity", ScaleIntensity.class, p -> p);
        Transforms.register("shift_intensity", ShiftIntensity.class, p -> p);
        Transforms.register("gamma", Gamma.class, p -> p);
        Transforms.register("gaussian_noise", GaussianNoise.class, p -> p);
        Transforms.register("rician_noise", RicianNoise.class, p -> p);
        Transforms.register("bias_field", BiasField.class, p -> p);
        Transforms.register("motion_ghosting", MotionGhosting.class, p -> p);
        Transforms.register("clahe", Clahe.class, p -> p);
        Transforms.register("gaussian_blur", GaussianBlur.class, p -> p);
    }
}
