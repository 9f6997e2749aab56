/**
 * Synthetic segmentation data for examples, tests and benchmarks: volumes (or images) holding ellipsoid
 * blobs of several classes with class-dependent intensity, a smooth multiplicative bias field, Gaussian
 * noise and anisotropic voxel spacing, written as NIfTI image/label pairs ({@code pylon data synth}).
 * Everything is a pure function of the seed, so a test or an example gets the same data on any machine.
 */
package io.pylon.data.synth;
