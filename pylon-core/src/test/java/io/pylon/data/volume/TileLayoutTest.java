package io.pylon.data.volume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.pylon.data.DataException;
import io.pylon.data.array.DType;

class TileLayoutTest {

    @TempDir
    Path dir;

    private static final String HEAD = "\"shape\": [4, 4, 4], \"tile_shape\": [2, 2, 4], \"dtype\": \"uint8\"";

    private Path json(String body) throws IOException {
        return Files.writeString(dir.resolve("grid.json"), "{" + body + "}");
    }

    private static String tile(int gz, int gy, int gx, String path) {
        return "{\"grid\": [" + gz + ", " + gy + ", " + gx + "], \"path\": \"" + path + "\"}";
    }

    @Test
    void overlappingTilesNameBothEntries() throws IOException {
        Path file = json(HEAD + ", \"tiles\": [" + tile(0, 0, 0, "a") + ", " + tile(0, 1, 0, "b") + ", "
                + tile(0, 1, 0, "c") + "]");

        assertThatThrownBy(() -> TileLayout.parse(file))
                .isInstanceOf(DataException.class)
                .hasMessage(file + ": tiles[2] overlaps tiles[1]: both claim grid position [0, 1, 0]; each position"
                        + " needs exactly one tile");
    }

    @Test
    void gapsListTheUncoveredGridPositions() throws IOException {
        Path file = json(HEAD + ", \"tiles\": [" + tile(0, 0, 0, "a") + ", " + tile(0, 1, 0, "b") + ", "
                + tile(1, 1, 0, "c") + "]");

        assertThatThrownBy(() -> TileLayout.parse(file))
                .hasMessageStartingWith(file + ": 'tiles' leaves gaps: no tile at grid position(s) [1, 0, 0]");
    }

    @Test
    void shapeBeyondTheTilesIsNotCovered() throws IOException {
        Path file = json(HEAD + ", \"tiles\": [" + tile(0, 0, 0, "a") + ", " + tile(0, 1, 0, "b") + "]");

        assertThatThrownBy(() -> TileLayout.parse(file))
                .hasMessageStartingWith(file + ": the tiles reach only voxel 2 along z but 'shape' says 4: the volume"
                        + " shape is not covered");
    }

    @Test
    void tilesOutsideTheGridAndMalformedEntriesAreNamed() throws IOException {
        Path outside = json(HEAD + ", \"tiles\": [" + tile(0, 0, 1, "a") + "]");
        assertThatThrownBy(() -> TileLayout.parse(outside))
                .hasMessageContaining("tiles[0] grid position [0, 0, 1] lies outside the tile grid [2, 2, 1]");

        Path malformed = json(HEAD + ", \"tiles\": [" + tile(0, 0, 0, "a") + ", {\"grid\": [0, 1]}]");
        assertThatThrownBy(() -> TileLayout.parse(malformed)).hasMessageContaining("tiles[1] must be an object");

        Path badGrid = json(HEAD + ", \"tiles\": [{\"grid\": [0, -1, 0], \"path\": \"a\"}]");
        assertThatThrownBy(() -> TileLayout.parse(badGrid))
                .hasMessageContaining("tiles[0] 'grid' must be 3 integers [z, y, x] >= 0, got [0,-1,0]");
    }

    @Test
    void keysAreCheckedByName() throws IOException {
        assertThatThrownBy(() -> TileLayout.parse(json(HEAD + ", \"patern\": \"a\"")))
                .hasMessageContaining("unknown key 'patern'");
        assertThatThrownBy(() -> TileLayout.parse(json("\"shape\": [4, 4], \"tile_shape\": [2, 2, 4]")))
                .hasMessageContaining("key 'shape' must be 3 integers [z, y, x] >= 1, got [4,4]");
        assertThatThrownBy(() -> TileLayout.parse(json(HEAD.replace("uint8", "uint32") + ", \"pattern\": \"a\"")))
                .hasMessageContaining("key 'dtype': unknown dtype 'uint32'");
        assertThatThrownBy(() -> TileLayout.parse(json(HEAD)))
                .hasMessageContaining("give exactly one of 'pattern'");
        assertThatThrownBy(() -> TileLayout.parse(json(HEAD + ", \"pattern\": \"t/{z}_{x}.raw\"")))
                .hasMessageContaining("has no {y} or {y0} placeholder, but the grid has 2 tiles along y");
        assertThatThrownBy(() -> TileLayout.parse(json(HEAD + ", \"pattern\": \"t/{z}_{y}_{w}.raw\"")))
                .hasMessageContaining("unknown placeholder {w}");
        Path broken = Files.writeString(dir.resolve("broken.json"), "{\"shape\": [4, 4, 4],");
        assertThatThrownBy(() -> TileLayout.parse(broken))
                .isInstanceOf(DataException.class)
                .hasMessageStartingWith(broken + ": is not valid JSON");
    }

    @Test
    void rawTileOfTheWrongSizeNamesTheTileAndBothExpectedSizes() throws IOException {
        Files.createDirectories(dir.resolve("t"));
        for (String name : new String[] {"0_0", "0_1", "1_0", "1_1"}) {
            Files.write(dir.resolve("t/" + name + ".raw"), new byte[16]);
        }
        Files.write(dir.resolve("t/1_1.raw"), new byte[15]);
        Path file = json(HEAD + ", \"pattern\": \"t/{z}_{y}.raw\"");

        assertThatThrownBy(() -> TiledVolume.open(file, TiledVolume.Options.defaults()))
                .isInstanceOf(DataException.class)
                .hasMessageStartingWith(file + ": tile " + dir.toAbsolutePath().resolve("t/1_1.raw")
                        + " at grid position [1, 1, 0] (pattern) has 15 bytes but tile_shape [2, 2, 4] of uint8 needs"
                        + " 16 bytes");
    }

    @Test
    void exampleFileInTheRepositoryIsValid() {
        Path example = Path.of("../examples/data/tiles-example.json");

        TileLayout layout = TileLayout.parse(example);

        assertThat(layout.gridShape).containsExactly(2, 2, 2);
        assertThat(layout.dtype).isEqualTo(DType.UINT8);
        assertThat(layout.tiles.get(layout.flatIndex(1, 0, 1)).path().toString())
                .endsWith("tiles/z1064_y0000_x0256.raw");
        assertThat(layout.croppedShape(layout.tiles.get(7).grid())).containsExactly(36, 256, 256);
    }
}
