package io.pylon.inference;

import io.pylon.models.Model;

/**
 * A way of predicting that wraps another ({@code inference.modes}, applied in listed order, each around the
 * ones before it): test-time augmentation ({@code tta}), MC-dropout ({@code mc_dropout}).
 */
public interface InferenceMode {

    /** {@code inner} predicted by {@code model}; the result predicts the same cases this mode's way. */
    VolumePredictor wrap(VolumePredictor inner, Model model);
}
