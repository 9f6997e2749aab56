package io.pylon.data.volume;

import java.util.List;

import io.pylon.data.array.NdArray;

/**
 * A NIfTI-1 volume in Pylon's layout.
 *
 * <p>NIfTI stores voxels Fortran-ordered over its axes {@code (x, y, z, t)}: x varies fastest. Read as a
 * C-ordered array with the axes reversed, {@code [t, z, y, x]}, the same bytes need no reordering, so the
 * data is channel-first {@code [C, D, H, W]} with {@code C = t} (1 for a 3-d file), {@code D = z},
 * {@code H = y}, {@code W = x}: element {@code [c, k, j, i]} is NIfTI voxel {@code (i, j, k, c)}.
 *
 * @param data {@code [C, D, H, W]}, in the file's type, or float32 when {@code scl_slope/scl_inter} rescale it
 * @param spacing voxel sizes of the spatial array axes {@code [D, H, W]}, i.e. {@code pixdim[3], pixdim[2],
 *     pixdim[1]} (millimetres, by NIfTI's usual units)
 * @param affine voxel {@code (i, j, k)} to world: the sform if {@code sform_code > 0}, else the qform if
 *     {@code qform_code > 0}, else {@code diag(pixdim[1], pixdim[2], pixdim[3])}
 */
public record NiftiVolume(NdArray data, List<Double> spacing, Affine affine) {

    public NiftiVolume {
        spacing = List.copyOf(spacing);
        if (data.rank() != 4) {
            throw new IllegalArgumentException("a NIfTI volume is [C, D, H, W], got " + data);
        }
        if (spacing.size() != 3 || spacing.stream().anyMatch(s -> !(s > 0))) {
            throw new IllegalArgumentException("spacing needs 3 positive voxel sizes [D, H, W], got " + spacing);
        }
    }

    /** A volume whose affine is plain scaling by {@code spacing} ({@code [D, H, W]} order) at the origin. */
    public static NiftiVolume withSpacing(NdArray data, List<Double> spacing) {
        return new NiftiVolume(data, spacing, Affine.scaling(spacing.get(2), spacing.get(1), spacing.get(0)));
    }
}
