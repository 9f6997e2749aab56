package io.pylon.data;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch.ScalarType;

import io.pylon.PylonUserException;
import io.pylon.data.augment.NormalizeIntensity;
import io.pylon.data.augment.ToFloat;
import io.pylon.data.format.IdxArray;
import io.pylon.data.format.IdxReader;
import io.pylon.data.format.IdxType;
import io.pylon.data.transform.Compose;
import io.pylon.data.transform.Transform;
import io.pylon.engine.Engine;

/**
 * Fashion-MNIST (Zalando): 28x28 grey-scale images of 10 clothing classes, 60000 for training and 10000
 * for test. The last {@code val_size} training images form the validation split, so the test set stays
 * untouched for the final score. Images become float {@code [N, 1, 28, 28]} in [0, 1], standardised with
 * the training set's mean and standard deviation when {@code normalize} is set; labels become int64.
 */
public final class FashionMnist {

    public static final String NAME = "fashion_mnist";
    public static final int CLASSES = 10;
    public static final int SIDE = 28;
    /** Mean and standard deviation of the training pixels scaled to [0, 1]. */
    public static final double MEAN = 0.2860;
    public static final double STD = 0.3530;
    public static final List<String> CLASS_NAMES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");
    static final String REMEDY = "re-install the dataset (sudo apt-get install --reinstall dataset-fashion-mnist)"
            + " or re-download the file into data.root";

    private FashionMnist() {
    }

    /** Opens the dataset registered as {@value #NAME}. */
    public static DataSplits open(DataRequest request) {
        DataConfig config = request.config();
        long seed = request.seed();
        if (config.hasTransforms()) {
            return openForTransforms(config, request.chains(), seed);
        }
        Splits splits = load(FashionMnistFiles.locate(config.root()), config.valSize(), config.normalize());
        return Datasets.inMemory(splits.train(), splits.val(), splits.test(), spec(), config, seed);
    }

    /**
     * With transforms configured, the images stay uint8 arrays in the Java heap (47 MB) and go through the
     * threaded loader; they are scaled to [0, 1] (and standardised with {@code normalize}) before the
     * configured transforms, so these see what the in-memory path would produce.
     */
    private static DataSplits openForTransforms(DataConfig config, TransformChains chains, long seed) {
        List<FashionMnistDataset> splits = FashionMnistDataset.splits(config.root(), config.valSize());
        Transform toUnit = new ToFloat(1 / 255.0);
        Transform decode = !config.normalize() ? toUnit : Compose.of(toUnit, new NormalizeIntensity(
                NormalizeIntensity.Mode.ZSCORE, true, List.of(MEAN), List.of(STD), false, 1, 99));
        return Pipelines.splits(splits.get(0), splits.get(1), Optional.of(splits.get(2)), config, chains, seed, decode);
    }

    public static DataSpec spec() {
        return new DataSpec(new long[] {1, SIDE, SIDE}, CLASSES);
    }

    /**
     * The three splits as tensors.
     *
     * @param train the first N - val_size training samples
     * @param val the last val_size training samples
     * @param test the t10k samples
     */
    public record Splits(LabelledTensors train, LabelledTensors val, LabelledTensors test) {
    }

    /** Reads and converts the four files; the returned tensors outlive any enclosing scope. */
    public static Splits load(FashionMnistFiles files, int valSize, boolean normalize) {
        Engine.start();
        // A scope of our own frees the intermediates (uint8 copies, pre-slice tensors) and keeps the results
        // out of any scope the caller may have open, so they live as long as the loaders do.
        try (PointerScope scope = new PointerScope()) {
            LabelledTensors full = read(files.trainImages(), files.trainLabels(), normalize);
            LabelledTensors test = read(files.testImages(), files.testLabels(), normalize);
            long n = full.size();
            if (valSize >= n) {
                throw new PylonUserException("data.val_size is " + valSize + " but " + files.trainImages() + " holds "
                        + n + " samples; set data.val_size below " + n + " so that some remain for training");
            }
            return new Splits(keep(scope, full.slice(0, n - valSize)), keep(scope, full.slice(n - valSize, n)),
                    keep(scope, test));
        }
    }

    private static LabelledTensors keep(PointerScope scope, LabelledTensors pair) {
        return new LabelledTensors(keep(scope, pair.inputs()), keep(scope, pair.targets()));
    }

    /** Detaching releases the scope's reference, so one is retained first (else detach frees the tensor). */
    private static Tensor keep(PointerScope scope, Tensor tensor) {
        tensor.retainReference();
        scope.detach(tensor);
        return tensor;
    }

    /** One images/labels pair, validated against each other. */
    static LabelledTensors read(Path imagesFile, Path labelsFile, boolean normalize) {
        IdxArray[] pair = readChecked(imagesFile, labelsFile);
        IdxArray images = pair[0];
        IdxArray labels = pair[1];
        long count = images.shape()[0];
        Tensor x = images.toTensor().to(ScalarType.Float).div_(new Scalar(255.0));
        if (normalize) {
            x.sub_(new Scalar(MEAN)).div_(new Scalar(STD));
        }
        Tensor y = labels.toTensor().to(ScalarType.Long);
        return new LabelledTensors(x.reshape(count, 1, SIDE, SIDE), y);
    }

    /** Images and labels, validated against each other and against the Fashion-MNIST layout. */
    static IdxArray[] readChecked(Path imagesFile, Path labelsFile) {
        IdxArray images = IdxReader.read(imagesFile, REMEDY);
        IdxArray labels = IdxReader.read(labelsFile, REMEDY);
        long[] shape = images.shape();
        if (images.type() != IdxType.UBYTE || shape.length != 3 || shape[1] != SIDE || shape[2] != SIDE) {
            throw new PylonUserException(imagesFile + ": holds " + images + ", expected ubyte images of shape [N, "
                    + SIDE + ", " + SIDE + "]; this is not a Fashion-MNIST image file; " + REMEDY);
        }
        if (labels.type() != IdxType.UBYTE || labels.shape().length != 1) {
            throw new PylonUserException(labelsFile + ": holds " + labels + ", expected ubyte labels of shape [N];"
                    + " this is not a Fashion-MNIST label file; " + REMEDY);
        }
        long count = shape[0];
        if (labels.shape()[0] != count) {
            throw new PylonUserException(imagesFile + " holds " + count + " images but " + labelsFile + " holds "
                    + labels.shape()[0] + " labels; the two files must come from the same split and download; "
                    + REMEDY);
        }
        checkLabels(labels.data(), labelsFile);
        return new IdxArray[] {images, labels};
    }

    private static void checkLabels(byte[] labels, Path file) {
        for (int i = 0; i < labels.length; i++) {
            int label = labels[i] & 0xff;
            if (label >= CLASSES) {
                throw new PylonUserException(file + ": sample " + i + " has label " + label + ", but Fashion-MNIST"
                        + " labels are 0.." + (CLASSES - 1) + "; " + REMEDY);
            }
        }
    }
}
