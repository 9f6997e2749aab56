package io.pylon.data.volume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.DatasetCreationOptions;
import io.jhdf.api.WritableGroup;

import io.pylon.config.YamlReader;
import io.pylon.data.DataException;
import io.pylon.data.Dataset;
import io.pylon.data.DatasetFormats;
import io.pylon.data.Sample;
import io.pylon.data.array.DType;
import io.pylon.data.array.NdArray;
import io.pylon.testing.TestComponents;

class Hdf5VolumesTest {

    @TempDir
    Path dir;

    /** raw[z][y][x] = 1000 z + 10 y + x + 0.5 (float32), labels = (z + y + x) % 4 (uint8), in /volumes. */
    private Path writeVolume(String name) {
        float[][][] raw = new float[3][4][5];
        byte[][][] labels = new byte[3][4][5];
        for (int z = 0; z < 3; z++) {
            for (int y = 0; y < 4; y++) {
                for (int x = 0; x < 5; x++) {
                    raw[z][y][x] = 1000 * z + 10 * y + x + 0.5f;
                    labels[z][y][x] = (byte) ((z + y + x) % 4);
                }
            }
        }
        Path file = dir.resolve(name);
        try (WritableHdfFile hdf = HdfFile.write(file)) {
            WritableGroup volumes = hdf.putGroup("volumes");
            volumes.putDataset("raw", raw);
            volumes.putDataset("labels", labels, DatasetCreationOptions.builder().unsigned().build());
        }
        return file;
    }

    @Test
    void float32DatasetReadsWithItsShapeAndValues() {
        Path file = writeVolume("a.h5");

        NdArray raw = Hdf5Volumes.read(file, "/volumes/raw", DataException.NO_SAMPLE);

        assertThat(raw.dtype()).isEqualTo(DType.FLOAT32);
        assertThat(raw.shape()).containsExactly(3, 4, 5);
        // C order: element (z, y, x) at (z * 4 + y) * 5 + x
        assertThat(raw.get((2 * 4 + 3) * 5 + 1)).isEqualTo(2031.5);
    }

    @Test
    void unsignedIntegersKeepTheirFullRange() {
        short[][] wide = {{(short) 65535, 1, (short) 40000}, {0, 32767, (short) 32768}};
        byte[][] narrow = {{(byte) 255, 7}};
        long[][] big = {{Long.MAX_VALUE, -3}};
        Path file = dir.resolve("u.h5");
        try (WritableHdfFile hdf = HdfFile.write(file)) {
            hdf.putDataset("u16", wide, DatasetCreationOptions.builder().unsigned().build());
            hdf.putDataset("u8", narrow, DatasetCreationOptions.builder().unsigned().build());
            hdf.putDataset("i64", big);
        }

        NdArray u16 = Hdf5Volumes.read(file, "/u16", 0);
        NdArray u8 = Hdf5Volumes.read(file, "/u8", 0);
        NdArray i64 = Hdf5Volumes.read(file, "/i64", 0);

        assertThat(u16.dtype()).isEqualTo(DType.UINT16);
        assertThat(u16.toLongs()).containsExactly(65535, 1, 40000, 0, 32767, 32768);
        assertThat(u8.dtype()).isEqualTo(DType.UINT8);
        assertThat(u8.toLongs()).containsExactly(255, 7);
        assertThat(i64.toLongs()).containsExactly(Long.MAX_VALUE, -3);
    }

    @Test
    void missingDatasetListsTheDatasetsTheFileHas() {
        Path file = writeVolume("b.h5");

        assertThatThrownBy(() -> Hdf5Volumes.read(file, "/volumes/rawdata", 3))
                .isInstanceOf(DataException.class)
                .hasMessageStartingWith(file + " (sample 3): has no dataset /volumes/rawdata")
                .hasMessageContaining("its datasets are /volumes/labels, /volumes/raw");
        assertThatThrownBy(() -> Hdf5Volumes.read(file, "/volumes", 3))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("not a dataset");
        assertThat(Hdf5Volumes.datasetPaths(file)).containsExactly("/volumes/labels", "/volumes/raw");
    }

    @Test
    void nonHdf5AndTruncatedFilesAreNamed() throws IOException {
        Path text = dir.resolve("notes.h5");
        Files.writeString(text, "this is not HDF5 at all, just some text that is long enough");
        Path whole = writeVolume("c.h5");
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = dir.resolve("cut.h5");
        Files.write(cut, Arrays.copyOf(bytes, bytes.length / 2));

        assertThatThrownBy(() -> Hdf5Volumes.read(text, "/volumes/raw", 1))
                .isInstanceOf(DataException.class)
                .hasMessageStartingWith(text + " (sample 1): not a readable HDF5 file");
        assertThatThrownBy(() -> Hdf5Volumes.read(cut, "/volumes/raw", 2))
                .isInstanceOf(DataException.class)
                .hasMessageStartingWith(cut + " (sample 2): ");
        assertThatThrownBy(() -> Hdf5Volumes.read(dir.resolve("none.h5"), "/x", 0))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("no such HDF5 file");
    }

    @Test
    void hdf5FormatGivesChannelFirstInputsAndLabelMapsFromTheSameFile() {
        writeVolume("s0.h5");
        writeVolume("s1.h5");
        String yaml = "files: ['" + dir + "/s*.h5']\ndataset: /volumes/raw\nlabel_dataset: /volumes/labels\n";

        try (Dataset dataset = TestComponents.format("hdf5", YamlReader.readDocument(yaml, "t.yaml"), "data")) {
            Sample sample = dataset.get(1);
            assertThat(dataset.size()).isEqualTo(2);
            assertThat(sample.input().shape()).containsExactly(1, 3, 4, 5);
            assertThat(sample.target().shape()).containsExactly(3, 4, 5);
            assertThat(sample.target().dtype()).isEqualTo(DType.INT64);
            long[] labels = sample.target().toLongs();
            for (int i = 0; i < labels.length; i++) {
                int z = i / 20;
                int y = i / 5 % 4;
                int x = i % 5;
                assertThat(labels[i]).isEqualTo((z + y + x) % 4);
            }
            assertThat(dataset.fingerprint()).contains("s0.h5").contains("/volumes/labels");
        }
    }
}
