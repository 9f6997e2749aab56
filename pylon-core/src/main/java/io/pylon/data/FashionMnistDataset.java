package io.pylon.data;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.pylon.PylonUserException;
import io.pylon.data.array.DType;
import io.pylon.data.array.NdArray;
import io.pylon.data.format.IdxArray;

/**
 * One Fashion-MNIST split as a {@link Dataset} of raw pixels: uint8 {@code [1, 28, 28]} images (not scaled or
 * normalised, so a packed copy stays a quarter of the float size) and int64 class labels. The splits are those
 * of {@link FashionMnist}: {@code train} is the first {@code N - val_size} training images, {@code val} the
 * last {@code val_size}, {@code test} the t10k file. The pixels stay in one heap array; samples are views.
 */
public final class FashionMnistDataset implements Dataset {

    public static final List<String> SPLITS = List.of("train", "val", "test");
    private static final int PIXELS = FashionMnist.SIDE * FashionMnist.SIDE;
    private static final long[] SHAPE = {1, FashionMnist.SIDE, FashionMnist.SIDE};
    private final MemorySegment images;
    private final byte[] labels;
    private final long first;
    private final long count;
    private final String fingerprint;

    private FashionMnistDataset(MemorySegment images, byte[] labels, long first, long count, String fingerprint) {
        this.images = images;
        this.labels = labels;
        this.first = first;
        this.count = count;
        this.fingerprint = fingerprint;
    }

    /**
     * Reads one split.
     *
     * @param root folder with the four IDX files; empty for the Debian package's folder
     * @param split {@code train}, {@code val} or {@code test}
     * @param valSize training images held out at the end for {@code val} (0 .. N - 1)
     */
    public static FashionMnistDataset open(Optional<String> root, String split, int valSize) {
        if (!SPLITS.contains(split)) {
            throw new PylonUserException("unknown split '" + split + "'; use one of " + SPLITS);
        }
        FashionMnistFiles files = FashionMnistFiles.locate(root);
        boolean test = split.equals("test");
        Path imageFile = test ? files.testImages() : files.trainImages();
        Path labelFile = test ? files.testLabels() : files.trainLabels();
        return of(FashionMnist.readChecked(imageFile, labelFile), imageFile, labelFile, split, valSize);
    }

    /** The three splits, reading each file once. */
    public static List<FashionMnistDataset> splits(Optional<String> root, int valSize) {
        FashionMnistFiles files = FashionMnistFiles.locate(root);
        IdxArray[] train = FashionMnist.readChecked(files.trainImages(), files.trainLabels());
        IdxArray[] test = FashionMnist.readChecked(files.testImages(), files.testLabels());
        return List.of(of(train, files.trainImages(), files.trainLabels(), "train", valSize),
                of(train, files.trainImages(), files.trainLabels(), "val", valSize),
                of(test, files.testImages(), files.testLabels(), "test", valSize));
    }

    private static FashionMnistDataset of(IdxArray[] pair, Path imageFile, Path labelFile, String split,
            int valSize) {
        IdxArray images = pair[0];
        IdxArray labels = pair[1];
        long n = images.shape()[0];
        boolean test = split.equals("test");
        if (!test && (valSize < 0 || valSize >= n)) {
            throw new PylonUserException("val_size is " + valSize + " but " + imageFile + " holds " + n
                    + " samples; choose a val_size in [0, " + n + ")");
        }
        long first = split.equals("val") ? n - valSize : 0;
        long count = switch (split) {
            case "train" -> n - valSize;
            case "val" -> valSize;
            default -> n;
        };
        String fingerprint = String.format(Locale.ROOT, "fashion_mnist:%s:%d+%d:%s:%s", split, first, count,
                describe(imageFile), describe(labelFile));
        return new FashionMnistDataset(MemorySegment.ofArray(images.data()), labels.data(), first, count,
                fingerprint);
    }

    private static String describe(Path file) {
        try {
            return file.toAbsolutePath() + "@" + Files.size(file) + "@" + Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            throw new PylonUserException(file + ": could not be read (" + e + "); " + FashionMnist.REMEDY, e);
        }
    }

    @Override
    public long size() {
        return count;
    }

    @Override
    public Sample get(long index) {
        checkIndex(index);
        long at = first + index;
        NdArray image = new NdArray(images.asSlice(at * PIXELS, PIXELS), DType.UINT8, SHAPE);
        return Sample.classified(index, image, labels[(int) at] & 0xff);
    }

    @Override
    public String fingerprint() {
        return fingerprint;
    }

    @Override
    public List<String> classNames() {
        return FashionMnist.CLASS_NAMES;
    }
}
