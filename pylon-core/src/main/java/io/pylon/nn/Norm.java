package io.pylon.nn;

/**
 * Normalisation after a convolution. Batch norm normalises each channel over the batch and space (running
 * statistics in eval mode); instance norm normalises each channel of each sample over space (affine, no
 * running statistics), which suits the small batches of volumetric segmentation; group norm normalises groups
 * of channels per sample and needs the group count to divide the channels. Every variant but {@code none}
 * learns a per-channel scale and shift (2 parameters per channel), so the preceding convolution drops its bias.
 */
public enum Norm {
    BATCH, INSTANCE, GROUP, NONE
}
