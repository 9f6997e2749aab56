package io.pylon.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.pylon.PylonUserException;
import io.pylon.data.format.IdxArray;
import io.pylon.data.format.IdxReader;
import io.pylon.data.packed.PackedDataset;
import io.pylon.data.packed.Packing;
import io.pylon.testing.FakeFashionMnist;

class FashionMnistDatasetTest {

    @TempDir
    Path dir;

    @Test
    void splitsAreRawPixelViewsWithLabelsAndPackLosslessly() {
        FakeFashionMnist.write(dir, 30, 12, 5);
        Optional<String> root = Optional.of(dir.toString());
        IdxArray images = IdxReader.read(dir.resolve("train-images-idx3-ubyte.gz"));
        IdxArray labels = IdxReader.read(dir.resolve("train-labels-idx1-ubyte.gz"));
        try (FashionMnistDataset train = FashionMnistDataset.open(root, "train", 8);
                FashionMnistDataset val = FashionMnistDataset.open(root, "val", 8);
                FashionMnistDataset test = FashionMnistDataset.open(root, "test", 8)) {
            assertThat(train.size()).isEqualTo(22);
            assertThat(val.size()).isEqualTo(8);
            assertThat(test.size()).isEqualTo(12);
            assertThat(train.fingerprint()).isNotEqualTo(val.fingerprint());
            // val sample 3 is training image 25
            var sample = val.get(3);
            assertThat(sample.input().shape()).containsExactly(1, 28, 28);
            assertThat(sample.input().getLong(300)).isEqualTo(images.data()[25 * 784 + 300] & 0xff);
            assertThat(sample.target().getLong(0)).isEqualTo(labels.data()[25]);

            Path file = dir.resolve("train.pylonpack");
            Packing.pack(train, file, Packing.Progress.NONE);
            try (PackedDataset packed = PackedDataset.open(file, true)) {
                assertThat(packed.header().recordBytes()).isEqualTo(832);
                assertThat(packed.classNames()).hasSize(10).startsWith("T-shirt/top");
                for (long i = 0; i < train.size(); i++) {
                    assertThat(packed.get(i).input().contentEquals(train.get(i).input())).isTrue();
                    assertThat(packed.get(i).target().getLong(0)).isEqualTo(labels.data()[(int) i]);
                }
            }
        }
    }

    @Test
    void badSplitAndValSizeAreUserErrors() {
        FakeFashionMnist.write(dir, 10, 4, 1);
        Optional<String> root = Optional.of(dir.toString());
        assertThatThrownBy(() -> FashionMnistDataset.open(root, "training", 2))
                .isInstanceOf(PylonUserException.class).hasMessageContaining("[train, val, test]");
        assertThatThrownBy(() -> FashionMnistDataset.open(root, "train", 10))
                .isInstanceOf(PylonUserException.class).hasMessageContaining("val_size is 10");
    }
}
