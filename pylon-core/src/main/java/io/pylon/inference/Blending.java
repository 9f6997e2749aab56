package io.pylon.inference;

/** How overlapping windows are weighted when their predictions are averaged. */
public enum Blending {
    /** Every voxel of a window counts equally (seams can show where windows end). */
    CONSTANT,
    /** A Gaussian centred on the window (sigma = sigma_scale * window side) down-weights window borders. */
    GAUSSIAN
}
