package io.pylon.data.volume;

import java.util.List;

import io.pylon.config.Default;
import io.pylon.config.InvalidValueException;
import io.pylon.data.array.NdArray;

/**
 * Config of format {@code tiff_stack}: one multi-page grayscale TIFF per sample, read as a volume
 * {@code [1, pages, H, W]} (uint8, uint16 or float32 as stored).
 *
 * @param images files or globs over one folder's file names ({@code stacks/*.tif}), expanded in name order
 * @param labels optional label stacks, one per image in the same order; each becomes an int64 label map
 *     {@code [pages, H, W]}
 */
public record TiffStackParams(List<String> images, @Default("[]") List<String> labels) {

    public TiffStackParams {
        InvalidValueException.require(images != null && !images.isEmpty(), "images",
                "must list at least one file or glob, got %s", images);
        InvalidValueException.require(labels != null, "labels", "must be a list of files or globs");
    }

    FileVolumeDataset open() {
        FileVolumeDataset.Reader reader = (file, index) -> {
            NdArray stack = TiffStacks.read(file, index);
            return stack.reshape(1, stack.dim(0), stack.dim(1), stack.dim(2));
        };
        return new FileVolumeDataset("tiff_stack", VolumeFiles.expand(images, "images"),
                VolumeFiles.expand(labels, "labels"), reader, reader, "");
    }
}
