package io.pylon.data.format;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import javax.imageio.ImageIO;

import io.pylon.data.DataException;
import io.pylon.data.Dataset;
import io.pylon.data.Sample;
import io.pylon.data.array.NdArray;
import io.pylon.data.volume.VolumeFiles;

/**
 * The {@code image_pairs} format: sample {@code i} is image {@code i} as float32 {@code [C, H, W]} in [0, 1] with,
 * when labels are given, label image {@code i}'s first band as an int64 label map {@code [H, W]}. Image and label
 * lists pair up by position (name order of each glob); their sizes must agree.
 */
public final class ImagePairs implements Dataset {

    private final List<Path> images;
    private final List<Path> labels;
    private final boolean grayscale;

    public ImagePairs(ImagePairsParams params) {
        this.images = VolumeFiles.expand(params.images(), "images");
        this.labels = params.labels().isEmpty() ? List.of() : VolumeFiles.expand(params.labels(), "labels");
        if (!labels.isEmpty() && labels.size() != images.size()) {
            throw new DataException("labels", DataException.NO_SAMPLE, "lists " + labels.size() + " files but"
                    + " 'images' lists " + images.size() + "; give one label image per image, in the same (name)"
                    + " order");
        }
        this.grayscale = params.grayscale();
    }

    @Override
    public long size() {
        return images.size();
    }

    @Override
    public Sample get(long index) {
        Path imageFile = images.get(Math.toIntExact(index));
        NdArray image = ImageDecoder.decode(imageFile, index, grayscale, true);
        if (labels.isEmpty()) {
            return Sample.classified(index, image, -1);
        }
        Path labelFile = labels.get(Math.toIntExact(index));
        NdArray labelMap = labelMap(labelFile, index);
        long[] spatial = Arrays.copyOfRange(image.shape(), 1, 3);
        if (!Arrays.equals(labelMap.shape(), spatial)) {
            throw new DataException(labelFile.toString(), index, "label map shape " + Arrays.toString(labelMap.shape())
                    + " does not match the image " + imageFile + " of shape " + Arrays.toString(spatial)
                    + "; check that the image and label lists pair up (they are matched by position in name order)");
        }
        return Sample.segmented(index, image, labelMap);
    }

    private static NdArray labelMap(Path file, long index) {
        BufferedImage image;
        try {
            image = ImageIO.read(file.toFile());
        } catch (IOException | RuntimeException e) {
            throw new DataException(file.toString(), index, "cannot be decoded as a label image (" + e.getMessage()
                    + "); replace the file", e);
        }
        if (image == null) {
            throw new DataException(file.toString(), index, "is not a PNG or TIFF image; label maps are images whose"
                    + " first band holds class indices");
        }
        Raster raster = image.getRaster();
        int height = image.getHeight();
        int width = image.getWidth();
        long[] values = new long[height * width];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                values[y * width + x] = raster.getSample(x, y, 0);
            }
        }
        return NdArray.of(values, height, width);
    }

    @Override
    public String fingerprint() {
        return "image_pairs:" + grayscale + ":" + VolumeFiles.fingerprint(images) + "labels:"
                + VolumeFiles.fingerprint(labels);
    }
}
