/**
 * Turning a trained model into predictions over whole volumes and images: sliding-window inference with
 * constant or Gaussian blending ({@link io.pylon.inference.SlidingWindow}), the inference modes that wrap it
 * (test-time augmentation, MC-dropout; components registered in {@link io.pylon.inference.InferenceModes}),
 * checkpoint and run ensembles, and the per-case evaluation of written predictions against labels.
 *
 * <p>Everything works on one case at a time: a channel-first host tensor {@code [C, *S]} in, class
 * probabilities {@code [K, *S]} (plus optional uncertainty maps) out, on the input's grid.
 */
package io.pylon.inference;
