package io.pylon.data.volume;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import io.pylon.config.Default;
import io.pylon.config.InvalidValueException;
import io.pylon.data.DataException;
import io.pylon.data.array.NdArray;

/**
 * Config of format {@code hdf5}: one HDF5 file per sample, the input read from dataset {@code dataset} and
 * optionally the label map from {@code label_dataset} of the same file. A 2-d or 3-d dataset gets a
 * channel dimension of 1 ({@code [1, H, W]}, {@code [1, D, H, W]}); a 4-d dataset is taken as channel-first
 * {@code [C, D, H, W]}. Labels must cover the input's spatial shape.
 *
 * @param files files or globs over one folder's file names, expanded in name order
 * @param dataset path of the input dataset inside each file, e.g. {@code /volumes/raw}
 * @param labelDataset path of the label dataset, e.g. {@code /volumes/labels/clefts}; absent = unlabelled
 */
public record Hdf5Params(List<String> files, String dataset, @Default("null") Optional<String> labelDataset) {

    public Hdf5Params {
        InvalidValueException.require(files != null && !files.isEmpty(), "files",
                "must list at least one file or glob, got %s", files);
        InvalidValueException.require(dataset != null && dataset.startsWith("/"), "dataset",
                "must be an absolute dataset path such as /volumes/raw, got '%s'", dataset);
        InvalidValueException.require(labelDataset != null && labelDataset.map(p -> p.startsWith("/")).orElse(true),
                "label_dataset", "must be an absolute dataset path such as /volumes/labels, got %s", labelDataset);
    }

    FileVolumeDataset open() {
        List<Path> paths = VolumeFiles.expand(files, "files");
        FileVolumeDataset.Reader image = (file, index) -> channelFirst(Hdf5Volumes.read(file, dataset, index),
                file.toString(), index);
        FileVolumeDataset.Reader labels = (file, index) -> Hdf5Volumes.read(file, labelDataset.orElseThrow(), index);
        return new FileVolumeDataset("hdf5", paths, labelDataset.isPresent() ? paths : List.of(), image, labels,
                dataset + "|" + labelDataset.orElse(""));
    }

    private NdArray channelFirst(NdArray array, String source, long index) {
        long[] s = array.shape();
        return switch (s.length) {
            case 2 -> array.reshape(1, s[0], s[1]);
            case 3 -> array.reshape(1, s[0], s[1], s[2]);
            case 4 -> array;
            default -> throw new DataException(source, index, "dataset " + dataset + " has shape "
                    + Arrays.toString(s) + "; expected 2-d [H, W], 3-d [D, H, W] or channel-first 4-d [C, D, H, W]");
        };
    }
}
