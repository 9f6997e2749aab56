/**
 * Pretrained weights and fine-tuning: {@link io.pylon.models.weights.Weights} saves a model's named tensors as
 * safetensors (readable by PyTorch) and loads weights files or Pylon checkpoints into a model, fully or
 * partially; {@link io.pylon.models.weights.Freezing} freezes parameters by name pattern before the optimizer
 * is built; {@link io.pylon.models.weights.FineTuning} is the {@code model.weights}/{@code model.freeze}
 * config the trainer applies; {@link io.pylon.models.weights.TorchScriptModel} runs (and fine-tunes) a
 * TorchScript file saved by PyTorch.
 */
package io.pylon.models.weights;
