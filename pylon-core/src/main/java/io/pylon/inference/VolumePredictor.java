package io.pylon.inference;

import org.bytedeco.pytorch.Tensor;

/** Predicts one whole case: a host tensor {@code [C, *S]} to a {@link Prediction} on the same grid. */
@FunctionalInterface
public interface VolumePredictor {

    Prediction predict(Tensor volume);
}
