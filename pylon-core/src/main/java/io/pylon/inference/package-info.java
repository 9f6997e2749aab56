/**
 * Using trained models: a language model reloaded from its run directory ({@link
 * io.pylon.inference.LanguageModelRun}: the model from the run's config, weights from a chosen checkpoint, the
 * tokenizer the run saved) and streaming text generation from it ({@link io.pylon.inference.TextGeneration}).
 */
package io.pylon.inference;
