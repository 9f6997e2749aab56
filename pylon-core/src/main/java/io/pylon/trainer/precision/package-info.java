/**
 * Numeric precision of training ({@code trainer.precision}): full fp32, or mixed precision where the
 * forward pass and the loss run under libtorch's autocast in bf16 or fp16 while weights, gradients and
 * optimizer state stay fp32 (the master copy). fp16 adds dynamic loss scaling ({@link LossScaler}).
 * The training loop calls a {@link Precision} around forward, backward and the optimizer step.
 */
package io.pylon.trainer.precision;
