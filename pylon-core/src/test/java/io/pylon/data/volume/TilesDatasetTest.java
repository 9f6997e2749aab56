package io.pylon.data.volume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.pylon.config.YamlReader;
import io.pylon.data.DataException;
import io.pylon.data.Dataset;
import io.pylon.data.DatasetFormats;
import io.pylon.data.Sample;
import io.pylon.data.array.DType;
import io.pylon.testing.TestComponents;

class TilesDatasetTest {

    private static final long[] SHAPE = {6, 8, 10};
    private static final long[] TILE = {3, 4, 5};

    @TempDir
    Path dir;

    private Dataset open(String yaml) {
        return TestComponents.format("tiles", YamlReader.readDocument(yaml, "t.yaml"), "data.train");
    }

    @Test
    void stridedPatchesCoverTheVolumeWithLabelsFromAParallelTileVolume() throws IOException {
        TileFiles.writeRawGrid(dir, SHAPE, TILE, false);
        Path json = TileFiles.writeJson(dir, "raw.json", SHAPE, TILE);
        // the labels reuse the same tiles: label value = image value (any int32 map would do)
        Path labels = TileFiles.writeJson(dir, "labels.json", SHAPE, TILE);

        try (Dataset dataset = open("json: " + json + "\nlabels: " + labels
                + "\npatch_size: [4, 4, 4]\nstride: [2, 4, 3]\n")) {
            // origins per axis: z 0, 2; y 0, 4; x 0, 3, 6
            assertThat(dataset.size()).isEqualTo(2 * 2 * 3);
            Sample sample = dataset.get(5);   // z 0, y 4, x 6
            Region region = new Region(0, 4, 6, 4, 8, 10);

            assertThat(((TilesDataset) dataset).origin(5)).containsExactly(0, 4, 6);
            assertThat(sample.input().shape()).containsExactly(1, 4, 4, 4);
            assertThat(sample.input().toLongs()).containsExactly(TileFiles.expected(region, SHAPE, 0).toLongs());
            assertThat(sample.denseTarget()).isTrue();
            assertThat(sample.target().dtype()).isEqualTo(DType.INT64);
            assertThat(sample.target().toLongs()).containsExactly(sample.input().toLongs());
        }
    }

    @Test
    void paddedGridReachesTheEndAndExplicitOriginsAreChecked() throws IOException {
        TileFiles.writeRawGrid(dir, SHAPE, TILE, false);
        Path json = TileFiles.writeJson(dir, "raw.json", SHAPE, TILE);

        try (Dataset padded = open("json: " + json + "\npatch_size: [4, 8, 8]\npad: true\nfill_value: -1\n")) {
            assertThat(padded.size()).isEqualTo(2 * 1 * 2);
            Sample last = padded.get(3);   // origin [4, 0, 8]: z 4..7 and x 8..15 partly outside
            assertThat(last.input().toLongs())
                    .containsExactly(TileFiles.expected(new Region(4, 0, 8, 8, 8, 16), SHAPE, -1).toLongs());
            assertThat(last.target().toLongs()).containsExactly(-1);
        }
        try (Dataset explicit = open("json: " + json + "\npatch_size: [2, 2, 2]\norigins: [[1, 2, 3], [4, 6, 8]]\n")) {
            assertThat(explicit.size()).isEqualTo(2);
            assertThat(explicit.get(1).input().toLongs())
                    .containsExactly(TileFiles.expected(new Region(4, 6, 8, 6, 8, 10), SHAPE, 0).toLongs());
        }
        assertThatThrownBy(() -> open("json: " + json + "\npatch_size: [2, 2, 2]\norigins: [[0, 0, 0], [5, 0, 0]]\n"))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("origins[1] [5, 0, 0] gives patch [5:7, 0:2, 0:2], not inside the volume");
    }

    @Test
    void tileReadErrorsDuringGetNameTheSample() throws IOException {
        TileFiles.writeRawGrid(dir, SHAPE, TILE, false);
        Path json = TileFiles.writeJson(dir, "raw.json", SHAPE, TILE);

        try (Dataset dataset = open("json: " + json + "\npatch_size: [3, 4, 5]\n")) {
            Files.write(dir.resolve("tiles/1_1_1.raw"), new byte[7]);   // replaced after opening
            assertThatThrownBy(() -> dataset.get(7))
                    .isInstanceOf(DataException.class)
                    .hasMessageStartingWith(json + " (sample 7): tile ")
                    .hasMessageContaining("has 7 bytes");
            assertThat(dataset.get(6).input().toLongs()).hasSize(60);
        }
    }

    @Test
    void fingerprintChangesWhenATileChanges() throws IOException {
        TileFiles.writeRawGrid(dir, SHAPE, TILE, false);
        Path json = TileFiles.writeJson(dir, "raw.json", SHAPE, TILE);
        String yaml = "json: " + json + "\npatch_size: [3, 4, 5]\n";
        String before;
        try (Dataset dataset = open(yaml)) {
            before = dataset.fingerprint();
        }
        Path tile = dir.resolve("tiles/0_0_0.raw");
        Files.setLastModifiedTime(tile, FileTime.fromMillis(
                Files.getLastModifiedTime(tile).toMillis() + 5000));

        try (Dataset dataset = open(yaml)) {
            assertThat(dataset.fingerprint()).isNotEqualTo(before);
        }
    }
}
