package io.pylon.data.volume;

import java.util.List;

import io.pylon.config.Default;
import io.pylon.config.InvalidValueException;

/**
 * Config of format {@code nifti}: one NIfTI-1 volume ({@code .nii} or {@code .nii.gz}) per sample, read as
 * {@code [C, D, H, W]} (see {@link NiftiVolume}); per-sample voxel sizes come from
 * {@link NiftiDataset#spacing}.
 *
 * @param images files or globs over one folder's file names ({@code scans/*.nii.gz}), expanded in name order
 * @param labels optional label volumes, one per image in the same order; each becomes an int64 label map
 *     {@code [D, H, W]} (whole-number float labels are accepted)
 */
public record NiftiParams(List<String> images, @Default("[]") List<String> labels) {

    public NiftiParams {
        InvalidValueException.require(images != null && !images.isEmpty(), "images",
                "must list at least one file or glob, got %s", images);
        InvalidValueException.require(labels != null, "labels", "must be a list of files or globs");
    }
}
