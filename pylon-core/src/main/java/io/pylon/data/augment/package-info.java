/**
 * Augmentation transforms that run on loader worker threads over plain Java arrays (never libtorch).
 *
 * <p>Spatial (geometric) transforms — flips, 90° rotations, crops, padding, resizing, affine and elastic
 * warps — move the input {@code [C, *S]} and a dense target ({@code [*S]} or {@code [K, *S]}) with the same
 * geometry: images by linear (or nearest) interpolation, dense targets always by nearest neighbour so that
 * labels stay integral and keep their dtype. Internally a 2D grid is handled as a 3D one of depth 1, and
 * every transform reduces to a precomputed index map (exact reorderings) or a field of source coordinates
 * (interpolating warps) that is applied to every channel. {@link io.pylon.data.augment.SpatialTransforms}
 * registers them with {@link io.pylon.data.transform.Transforms}.
 */
package io.pylon.data.augment;
