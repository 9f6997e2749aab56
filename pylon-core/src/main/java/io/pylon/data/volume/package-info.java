/**
 * Volume file formats for 3-d data: multi-page TIFF stacks, HDF5 datasets (pure-Java jHDF), NIfTI-1
 * ({@code .nii}, {@code .nii.gz}; reader and writer, with spacing and voxel-to-world affine), and large
 * volumes stored as a JSON-described grid of tiles read region by region through an LRU tile cache.
 *
 * <p>The package owns reading these files into channel-first {@link io.pylon.data.array.NdArray}s
 * ({@code [C, D, H, W]}), validating them (every corrupt, truncated or missing file is a
 * {@link io.pylon.data.DataException} naming the file and, where it concerns one, the sample), and the
 * dataset formats {@code tiff_stack}, {@code hdf5}, {@code nifti} and {@code tiles} that
 * {@link io.pylon.data.volume.VolumeFormats} registers with {@link io.pylon.data.DatasetFormats}.
 */
package io.pylon.data.volume;
