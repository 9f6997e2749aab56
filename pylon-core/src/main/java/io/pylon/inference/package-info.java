/**
 * Using trained models. Segmentation: predictions over whole volumes and images by sliding-window inference
 * with constant or Gaussian blending ({@link io.pylon.inference.SlidingWindow}), the inference modes that wrap it
 * (test-time augmentation, MC-dropout; components registered in {@link io.pylon.inference.InferenceModes}),
 * checkpoint and run ensembles, and the per-case evaluation of written predictions against labels; everything
 * works on one case at a time: a channel-first host tensor {@code [C, *S]} in, class probabilities
 * {@code [K, *S]} (plus optional uncertainty maps) out, on the input's grid. Language models: a model reloaded
 * from its run directory ({@link io.pylon.inference.LanguageModelRun}: the model from the run's config, weights
 * from a chosen checkpoint, the tokenizer the run saved) and streaming text generation from it
 * ({@link io.pylon.inference.TextGeneration}).
 */
package io.pylon.inference;
