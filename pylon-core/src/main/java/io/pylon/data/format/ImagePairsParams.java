package io.pylon.data.format;

import java.util.List;

import io.pylon.config.Default;
import io.pylon.config.InvalidValueException;

/**
 * Config of format {@code image_pairs}: 2D segmentation data as image files (PNG, JPEG, TIFF) with, optionally,
 * one label-map image per image (PNG or TIFF whose first band holds the class index of each pixel).
 *
 * @param images files or globs over one folder's file names ({@code train/images/*.png}), in name order
 * @param labels label maps, one per image in the same order (empty for unlabelled prediction data)
 * @param grayscale one luma channel (true) or three RGB channels
 */
public record ImagePairsParams(List<String> images, @Default("[]") List<String> labels,
        @Default("true") boolean grayscale) {

    public ImagePairsParams {
        InvalidValueException.require(images != null && !images.isEmpty(), "images",
                "must list at least one file or glob, got %s", images);
        InvalidValueException.require(labels != null, "labels", "must be a list of files or globs");
        images = List.copyOf(images);
        labels = List.copyOf(labels);
    }
}
