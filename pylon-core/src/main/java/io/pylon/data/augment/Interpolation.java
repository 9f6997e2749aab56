package io.pylon.data.augment;

/**
 * How an interpolating transform reads the input image between grid points. Dense targets are always read
 * with {@link #NEAREST}, whatever this says.
 */
enum Interpolation {
    /** Bilinear (2D) or trilinear (3D); the input comes out as float32. */
    LINEAR,
    /** The nearest grid point (ties round up); the input keeps its dtype. */
    NEAREST
}
