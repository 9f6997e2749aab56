package io.pylon.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

import org.bytedeco.pytorch.global.torch.ScalarType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.pylon.PylonUserException;
import io.pylon.data.format.IdxFiles;
import io.pylon.engine.Engine;
import io.pylon.engine.Tensors;
import io.pylon.testing.TestComponents;

class FashionMnistTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        Engine.start();
    }

    private static FashionMnistFiles files(Path dir) {
        return FashionMnistFiles.locate(Optional.of(dir.toString()));
    }

    @Test
    void splitsAreTheHeadAndTailOfTheTrainingFileAndTheTestFile() {
        FashionMnistFixture.write(dir, 12, 5, true);

        FashionMnist.Splits splits = FashionMnist.load(files(dir), 4, false);

        assertThat(Tensors.shape(splits.train().inputs())).containsExactly(8, 1, 28, 28);
        assertThat(Tensors.shape(splits.val().inputs())).containsExactly(4, 1, 28, 28);
        assertThat(Tensors.shape(splits.test().inputs())).containsExactly(5, 1, 28, 28);
        assertThat(splits.train().targets().scalar_type().value).isEqualTo(ScalarType.Long.value);
        assertThat(Tensors.toLongs(splits.val().targets())).containsExactly(FashionMnistFixture.label(8),
                FashionMnistFixture.label(9), FashionMnistFixture.label(10), FashionMnistFixture.label(11));
        float[] val = Tensors.toFloats(splits.val().inputs());
        for (int p = 0; p < FashionMnistFixture.PIXELS; p += 97) {
            assertThat(val[p]).isCloseTo(FashionMnistFixture.pixel(8, p) / 255f, within(1e-6f));
        }
        float[] test = Tensors.toFloats(splits.test().inputs());
        assertThat(test[3 * FashionMnistFixture.PIXELS + 5]).isCloseTo(FashionMnistFixture.pixel(3, 5) / 255f,
                within(1e-6f));
    }

    @Test
    void normalisationUsesTheDatasetMeanAndStd() {
        FashionMnistFixture.write(dir, 10, 3, false);

        FashionMnist.Splits splits = FashionMnist.load(files(dir), 2, true);

        float[] train = Tensors.toFloats(splits.train().inputs());
        for (int p = 0; p < FashionMnistFixture.PIXELS; p += 61) {
            double scaled = FashionMnistFixture.pixel(0, p) / 255.0;
            assertThat(train[p]).isCloseTo((float) ((scaled - FashionMnist.MEAN) / FashionMnist.STD), within(1e-5f));
        }
    }

    @Test
    void datasetsOpenBuildsLoadersFromTheConfig() {
        FashionMnistFixture.write(dir, 30, 9, true);
        DataConfig config = new DataConfig("fashion_mnist", Optional.of(dir.toString()), 4, 5, 6, 0, 0, 7, true,
                true, true);

        DataSplits splits = TestComponents.open(config, 123);

        assertThat(splits.spec()).isEqualTo(new DataSpec(new long[] {1, 28, 28}, 10));
        assertThat(splits.train().samples()).isEqualTo(24);
        assertThat(splits.train().batchesPerEpoch()).isEqualTo(6);
        assertThat(splits.val().samples()).isEqualTo(6);
        assertThat(splits.val().batchesPerEpoch()).isEqualTo(2);
        assertThat(splits.test().samples()).isEqualTo(7);
        Batch first = splits.val().epoch(0, 0).next();
        assertThat(first.indices()).containsExactly(0, 1, 2, 3, 4);
        assertThat(Tensors.shape(first.inputs())).containsExactly(5, 1, 28, 28);
    }

    @Test
    void unknownDatasetListsTheKnownNames() {
        DataConfig config = new DataConfig("imagenet", Optional.empty(), 4, 5, 6, 0, 0, 0, true, false, true);
        assertThatThrownBy(() -> TestComponents.open(config, 1)).hasMessageContaining("imagenet")
                .hasMessageContaining("fashion_mnist");
    }

    @Test
    void missingFilesNameBothRemedies() {
        assertThatThrownBy(() -> files(dir)).isInstanceOf(PylonUserException.class)
                .hasMessageContaining(dir.toString()).hasMessageContaining("apt-get install dataset-fashion-mnist")
                .hasMessageContaining("set data.root to a folder with the four IDX files");
        Path absent = dir.resolve("absent");
        assertThatThrownBy(() -> TestComponents.open(DataConfig.defaults().withRoot(absent.toString()), 1))
                .isInstanceOf(PylonUserException.class).hasMessageContaining("does not exist")
                .hasMessageContaining("apt-get install dataset-fashion-mnist").hasMessageContaining("data.root");
    }

    @Test
    void partlyMissingFilesAreListed() throws Exception {
        FashionMnistFixture.write(dir, 4, 4, true);
        Files.delete(dir.resolve("t10k-labels-idx1-ubyte.gz"));

        assertThatThrownBy(() -> files(dir)).isInstanceOf(PylonUserException.class)
                .hasMessageContaining("lacks t10k-labels-idx1-ubyte[.gz]");
    }

    @Test
    void countMismatchNamesBothFiles() {
        FashionMnistFixture.write(dir, 10, 4, true);
        Path labels = FashionMnistFixture.writeLabels(dir.resolve("train-labels-idx1-ubyte.gz"), 9, true);

        assertThatThrownBy(() -> FashionMnist.load(files(dir), 2, true)).isInstanceOf(PylonUserException.class)
                .hasMessageContaining(dir.resolve("train-images-idx3-ubyte.gz").toString())
                .hasMessageContaining(labels.toString()).hasMessageContaining("10 images")
                .hasMessageContaining("9 labels");
    }

    @Test
    void wrongElementTypeOrShapeNamesTheFile() {
        FashionMnistFixture.write(dir, 4, 4, true);
        Path floats = IdxFiles.write(dir.resolve("train-images-idx3-ubyte.gz"),
                IdxFiles.gzip(IdxFiles.encode(0x0D, new int[] {4, 28, 28}, new byte[4 * 4 * 784])));

        assertThatThrownBy(() -> FashionMnist.load(files(dir), 2, true)).isInstanceOf(PylonUserException.class)
                .hasMessageContaining(floats.toString()).hasMessageContaining("expected ubyte images");

        Path wide = IdxFiles.writeUbyte(dir.resolve("t10k-labels-idx1-ubyte.gz"), new int[] {2, 2}, new byte[4], true);
        FashionMnistFixture.writeImages(floats, 4, true);
        assertThatThrownBy(() -> FashionMnist.load(files(dir), 2, true)).isInstanceOf(PylonUserException.class)
                .hasMessageContaining(wide.toString()).hasMessageContaining("expected ubyte labels");
    }

    @Test
    void truncatedDatasetFileNamesTheFileAndTheRemedy() throws Exception {
        FashionMnistFixture.write(dir, 6, 4, false);
        Path images = dir.resolve("t10k-images-idx3-ubyte");
        byte[] bytes = Files.readAllBytes(images);
        Files.write(images, Arrays.copyOf(bytes, 1000));

        assertThatThrownBy(() -> FashionMnist.load(files(dir), 2, true)).isInstanceOf(PylonUserException.class)
                .hasMessageContaining(images.toString()).hasMessageContaining("expected 3136 bytes")
                .hasMessageContaining("found 984").hasMessageContaining("truncated")
                .hasMessageContaining("dataset-fashion-mnist");
    }

    @Test
    void labelOutOfRangeNamesTheSample() {
        FashionMnistFixture.write(dir, 6, 4, true);
        Path labels = IdxFiles.writeUbyte(dir.resolve("t10k-labels-idx1-ubyte.gz"), new int[] {4},
                new byte[] {1, 2, 12, 3}, true);

        assertThatThrownBy(() -> FashionMnist.load(files(dir), 2, true)).isInstanceOf(PylonUserException.class)
                .hasMessageContaining(labels.toString()).hasMessageContaining("sample 2 has label 12");
    }

    @Test
    void valSizeMustLeaveTrainingSamples() {
        FashionMnistFixture.write(dir, 6, 4, true);
        assertThatThrownBy(() -> FashionMnist.load(files(dir), 6, true)).isInstanceOf(PylonUserException.class)
                .hasMessageContaining("data.val_size is 6");
    }
}
