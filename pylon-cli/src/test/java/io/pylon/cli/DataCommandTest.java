package io.pylon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.pylon.data.format.IdxArray;
import io.pylon.data.format.IdxReader;
import io.pylon.data.packed.PackedDataset;
import io.pylon.testing.FakeFashionMnist;

class DataCommandTest {

    @TempDir
    Path dir;

    @Test
    void packsAFashionMnistSplitAndInfoVerifiesIt() {
        FakeFashionMnist.write(dir, 40, 10, 3);
        Path file = dir.resolve("out/val.pylonpack");
        CliRun pack = CliRun.of("data", "pack", "--dataset", "fashion_mnist", "--root", dir.toString(),
                "--val-size", "10", "--split", "val", "--out", file.toString());
        assertThat(pack.exitCode()).as(pack.err()).isZero();
        assertThat(pack.out()).contains("10 records of uint8 [1, 28, 28] -> int64 []");
        IdxArray images = IdxReader.read(dir.resolve("train-images-idx3-ubyte.gz"));
        IdxArray labels = IdxReader.read(dir.resolve("train-labels-idx1-ubyte.gz"));
        try (PackedDataset packed = PackedDataset.open(file, true)) {
            assertThat(packed.size()).isEqualTo(10);
            for (int i = 0; i < 10; i++) {
                assertThat(packed.get(i).input().getLong(400)).isEqualTo(images.data()[(30 + i) * 784 + 400] & 0xff);
                assertThat(packed.get(i).target().getLong(0)).isEqualTo(labels.data()[30 + i]);
            }
        }
        CliRun info = CliRun.of("data", "info", file.toString());
        assertThat(info.exitCode()).as(info.err()).isZero();
        assertThat(info.out()).contains("records:      10").contains("input:        uint8 [1, 28, 28]")
                .contains("target:       int64 []").contains("record_bytes: 832").contains("(verified)")
                .contains("T-shirt/top");
    }

    @Test
    void splitAllWritesOneFilePerSplitIntoTheFolder() {
        FakeFashionMnist.write(dir, 30, 7, 4);
        CliRun pack = CliRun.of("data", "pack", "--dataset", "fashion_mnist", "--root", dir.toString(),
                "--val-size", "5", "--split", "all", "--out", dir.resolve("packed").toString());
        assertThat(pack.exitCode()).as(pack.err()).isZero();
        long[] sizes = new long[3];
        String[] splits = {"train", "val", "test"};
        for (int s = 0; s < 3; s++) {
            try (PackedDataset packed = PackedDataset.open(dir.resolve("packed/" + splits[s] + ".pylonpack"))) {
                sizes[s] = packed.size();
            }
        }
        assertThat(sizes).containsExactly(25, 5, 7);
    }

    @Test
    void packsTheDataSectionOfAnExperimentConfigWithOverrides() throws IOException {
        FakeFashionMnist.write(dir, 30, 7, 4);
        Path config = dir.resolve("exp.yaml");
        java.nio.file.Files.writeString(config, "data:\n  name: fashion_mnist\n  val_size: 5\n");
        Path file = dir.resolve("val.pylonpack");
        CliRun pack = CliRun.of("data", "pack", "--config", config.toString(), "data.root=" + dir, "data.val_size=6",
                "--split", "val", "--out", file.toString());
        assertThat(pack.exitCode()).as(pack.err()).isZero();
        try (PackedDataset packed = PackedDataset.open(file)) {
            assertThat(packed.size()).isEqualTo(6);
        }
        CliRun both = CliRun.of("data", "pack", "--config", config.toString(), "--dataset", "fashion_mnist",
                "--out", file.toString());
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).contains("exactly one of --config FILE, --dataset NAME and --format NAME");
    }

    @Test
    void registeredFormatIsPackedFromParams() {
        FakeFashionMnist.write(dir, 20, 5, 5);
        Path first = dir.resolve("test.pylonpack");
        assertThat(CliRun.of("data", "pack", "--dataset", "fashion_mnist", "--root", dir.toString(), "--split",
                "test", "--out", first.toString()).exitCode()).isZero();
        Path copy = dir.resolve("copy.pylonpack");
        CliRun repack = CliRun.of("data", "pack", "--format", "packed", "--param", "path=" + first,
                "--param", "verify=true", "--out", copy.toString(), "--threads", "2");
        assertThat(repack.exitCode()).as(repack.err()).isZero();
        try (PackedDataset a = PackedDataset.open(first); PackedDataset b = PackedDataset.open(copy, true)) {
            assertThat(b.size()).isEqualTo(5);
            assertThat(b.header().source()).isEqualTo(a.fingerprint());
            for (int i = 0; i < 5; i++) {
                assertThat(b.get(i).input().contentEquals(a.get(i).input())).isTrue();
                assertThat(b.get(i).target().contentEquals(a.get(i).target())).isTrue();
            }
        }
    }

    @Test
    void corruptFileMakesInfoFailWithOneLine() throws IOException {
        FakeFashionMnist.write(dir, 20, 5, 6);
        Path file = dir.resolve("t.pylonpack");
        assertThat(CliRun.of("data", "pack", "--dataset", "fashion_mnist", "--root", dir.toString(), "--split",
                "test", "--out", file.toString()).exitCode()).isZero();
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(raf.length() - 500);
            raf.write(0x7f);
        }
        CliRun info = CliRun.of("data", "info", file.toString());
        assertThat(info.exitCode()).isEqualTo(2);
        assertThat(info.err()).contains("checksum mismatch").contains(file.toString()).doesNotContain("\tat ");
        assertThat(CliRun.of("data", "info", "--no-verify", file.toString()).out()).contains("(not verified)");
    }

    @Test
    void sourceMistakesAreUserErrors() {
        CliRun neither = CliRun.of("data", "pack", "--out", dir.resolve("x.pylonpack").toString());
        assertThat(neither.exitCode()).isEqualTo(2);
        assertThat(neither.err()).contains("exactly one of --config FILE, --dataset NAME and --format NAME");
        CliRun unknown = CliRun.of("data", "pack", "--format", "nope", "--out", dir.resolve("x").toString());
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("known formats").contains("packed");
        CliRun split = CliRun.of("data", "pack", "--dataset", "fashion_mnist", "--root", dir.toString(),
                "--split", "dev", "--out", dir.resolve("x").toString());
        assertThat(split.exitCode()).isEqualTo(2);
        assertThat(split.err()).contains("--split dev").doesNotContain("\tat ");
        CliRun debug = CliRun.of("data", "pack", "--debug", "--out", dir.resolve("x.pylonpack").toString());
        assertThat(debug.exitCode()).isEqualTo(1);
        assertThat(debug.err()).contains("exactly one of").contains("\tat ");
    }
}
