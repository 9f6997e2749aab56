/**
 * Augmentation and preprocessing transforms for 2D images ({@code [C, H, W]}) and 3D volumes
 * ({@code [C, D, H, W]}), computed on plain Java arrays by the loader's worker threads (no libtorch calls).
 *
 * <p>Intensity transforms ({@link io.pylon.data.augment.IntensityTransforms}: normalisation, noise, gamma,
 * bias field, k-space ghosting, CLAHE, blur) change only the input and return float32; the target, dense or
 * not, passes through untouched. Spatial transforms move the input and a dense target together. Each
 * transform is a record of validated parameters registered by name in
 * {@link io.pylon.data.transform.Transforms}; all randomness comes from the
 * {@link java.util.SplittableRandom} the loader passes in.
 */
package io.pylon.data.augment;
