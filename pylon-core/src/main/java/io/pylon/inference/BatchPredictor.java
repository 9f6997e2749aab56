package io.pylon.inference;

import org.bytedeco.pytorch.Tensor;

/** A model's forward pass on a batch of windows: {@code [B, C, *W]} to {@code [B, K, *W]} (probabilities). */
@FunctionalInterface
public interface BatchPredictor {

    Tensor predict(Tensor windows);
}
