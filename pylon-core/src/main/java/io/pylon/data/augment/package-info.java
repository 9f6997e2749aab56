/**
 * Augmentation and preprocessing transforms for 2D images ({@code [C, H, W]}) and 3D volumes
 * ({@code [C, D, H, W]}), computed on plain Java arrays by the loader's worker threads (no libtorch calls).
 * Each transform is a record of validated parameters registered by name in
 * {@link io.pylon.data.transform.Transforms}; all randomness comes from the {@link java.util.SplittableRandom}
 * the loader passes in.
 *
 * <p>Intensity transforms ({@link io.pylon.data.augment.IntensityTransforms}: normalisation, noise, gamma,
 * bias field, k-space ghosting, CLAHE, blur) change only the input and return float32; the target, dense or
 * not, passes through untouched.
 *
 * <p>Spatial transforms ({@link io.pylon.data.augment.SpatialTransforms}: flips, 90° rotations, crops, padding,
 * resizing, affine and elastic warps) move the input and a dense target ({@code [*S]} or {@code [K, *S]}) with
 * the same geometry: images by linear (or nearest) interpolation, dense targets always by nearest neighbour
 * so that labels stay integral and keep their dtype. Internally a 2D grid is handled as a 3D one of depth 1,
 * and every transform reduces to a precomputed index map (exact reorderings) or a field of source coordinates
 * (interpolating warps) applied to every channel.
 */
package io.pylon.data.augment;
