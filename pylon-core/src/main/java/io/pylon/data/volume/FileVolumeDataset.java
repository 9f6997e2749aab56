package io.pylon.data.volume;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import io.pylon.data.DataException;
import io.pylon.data.Dataset;
import io.pylon.data.Sample;
import io.pylon.data.array.NdArray;

/**
 * One sample per file (TIFF stacks, HDF5 files, NIfTI volumes), optionally with a parallel label file
 * per sample. The input is the channel-first volume the format's reader returns; the label file becomes
 * an int64 label map over the input's spatial grid ({@link Sample#segmented}). Without labels, the
 * target is the 0-d int64 {@code -1} ("no label"), for inference and self-supervised use.
 *
 * <p>Thread-safe: every {@link #get} opens and reads its own files.
 */
class FileVolumeDataset implements Dataset {

    /** Reads one file as a channel-first array; errors name the file and {@code sampleIndex}. */
    @FunctionalInterface
    interface Reader {
        NdArray read(Path file, long sampleIndex);
    }

    private final String format;
    private final List<Path> images;
    private final List<Path> labels;
    private final Reader imageReader;
    private final Reader labelReader;
    private final String options;

    /**
     * @param format the format name, for the fingerprint
     * @param labels empty, or one label file per image
     * @param options the reading options, for the fingerprint
     */
    FileVolumeDataset(String format, List<Path> images, List<Path> labels, Reader imageReader, Reader labelReader,
            String options) {
        VolumeFiles.requireParallel(images, labels);
        this.format = format;
        this.images = List.copyOf(images);
        this.labels = List.copyOf(labels);
        this.imageReader = imageReader;
        this.labelReader = labelReader;
        this.options = options;
    }

    @Override
    public long size() {
        return images.size();
    }

    @Override
    public Optional<String> sampleFile(long sampleIndex) {
        return sampleIndex >= 0 && sampleIndex < images.size()
                ? Optional.of(images.get((int) sampleIndex).toString()) : Optional.empty();
    }

    @Override
    public Sample get(long index) {
        checkIndex(index);
        Path imageFile = images.get((int) index);
        NdArray image = imageReader.read(imageFile, index);
        if (labels.isEmpty()) {
            return Sample.classified(index, image, -1);
        }
        Path labelFile = labels.get((int) index);
        NdArray labelMap = VolumeArrays.labelMap(labelReader.read(labelFile, index), image.rank() - 1,
                labelFile.toString(), index);
        long[] spatial = Arrays.copyOfRange(image.shape(), 1, image.rank());
        if (!Arrays.equals(labelMap.shape(), spatial)) {
            throw new DataException(labelFile.toString(), index, "label map shape " + Arrays.toString(labelMap.shape())
                    + " does not match the spatial shape " + Arrays.toString(spatial) + " of image " + imageFile
                    + "; check that the image and label lists pair up (they are matched by position in name order)");
        }
        return Sample.segmented(index, image, labelMap);
    }

    /** The image file of sample {@code index}. */
    Path imageFile(long index) {
        checkIndex(index);
        return images.get((int) index);
    }

    @Override
    public String fingerprint() {
        return format + ":" + options + ":" + VolumeFiles.fingerprint(images) + "labels:"
                + VolumeFiles.fingerprint(labels);
    }
}
