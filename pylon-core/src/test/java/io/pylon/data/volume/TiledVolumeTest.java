package io.pylon.data.volume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.pylon.data.DataException;
import io.pylon.data.array.DType;
import io.pylon.data.array.NdArray;

class TiledVolumeTest {

    private static final long[] SHAPE = {6, 8, 10};
    private static final long[] TILE = {3, 4, 5};

    @TempDir
    Path dir;

    private TiledVolume openGrid(TiledVolume.Options options) throws IOException {
        TileFiles.writeRawGrid(dir, SHAPE, TILE, false);
        return TiledVolume.open(TileFiles.writeJson(dir, "v.json", SHAPE, TILE), options);
    }

    @Test
    void regionsSpanningTileBoundariesMatchTheCoordinateFunction() throws IOException {
        TiledVolume volume = openGrid(TiledVolume.Options.defaults());
        List<Region> regions = List.of(
                new Region(0, 0, 0, 6, 8, 10),   // the whole 2x2x2 grid
                new Region(2, 3, 4, 4, 5, 6),    // one voxel either side of every tile boundary
                new Region(1, 0, 3, 5, 8, 9),
                new Region(5, 7, 9, 6, 8, 10),   // the last voxel
                new Region(0, 1, 1, 3, 4, 5));   // inside tile (0, 0, 0)

        for (Region region : regions) {
            NdArray read = volume.read(region);
            assertThat(read.dtype()).isEqualTo(DType.INT32);
            assertThat(read.toLongs()).as(region.toString())
                    .containsExactly(TileFiles.expected(region, SHAPE, 0).toLongs());
        }
    }

    @Test
    void croppedEdgeTilesAndAnExplicitTileListReadTheSameVolume() throws IOException {
        long[] shape = {5, 7, 9};
        TileFiles.writeRawGrid(dir, shape, TILE, true);
        StringBuilder tiles = new StringBuilder();
        for (int n = 7; n >= 0; n--) {
            tiles.append(String.format("{\"grid\": [%d, %d, %d], \"path\": \"tiles/%d_%d_%d.raw\"}%s",
                    n >> 2, n >> 1 & 1, n & 1, n >> 2, n >> 1 & 1, n & 1, n > 0 ? ", " : ""));
        }
        Path json = Files.writeString(dir.resolve("list.json"), "{\"shape\": [5, 7, 9], \"tile_shape\": [3, 4, 5],"
                + " \"dtype\": \"int32\", \"tiles\": [" + tiles + "]}");

        TiledVolume volume = TiledVolume.open(json, TiledVolume.Options.defaults());
        Region all = new Region(0, 0, 0, 5, 7, 9);

        assertThat(volume.read(all).toLongs()).containsExactly(TileFiles.expected(all, shape, 0).toLongs());
    }

    @Test
    void tiffTilesAreReadLikeRawOnes() throws IOException {
        Files.createDirectories(dir.resolve("t"));
        for (int gz = 0; gz < 2; gz++) {
            for (int gx = 0; gx < 2; gx++) {
                short[] v = new short[2 * 3 * 4];
                for (int i = 0; i < v.length; i++) {
                    v[i] = (short) TileFiles.value(gz * 2 + i / 12, i / 4 % 3, gx * 4 + i % 4);
                }
                TiffStacks.write(dir.resolve("t/tile_z" + (gz * 2) + "_x" + (gx * 4) + ".tif"),
                        NdArray.of(v, DType.UINT16, 2, 3, 4));
            }
        }
        Path json = Files.writeString(dir.resolve("tif.json"), """
                {"shape": [4, 3, 8], "tile_shape": [2, 3, 4], "dtype": "uint16", "format": "tiff",
                 "pattern": "t/tile_z{z0}_x{x0}.tif"}""");

        Region region = new Region(1, 0, 2, 3, 3, 7);
        NdArray read = TiledVolume.open(json, TiledVolume.Options.defaults()).read(region);

        assertThat(read.dtype()).isEqualTo(DType.UINT16);
        assertThat(read.toLongs()).containsExactly(TileFiles.expected(region, new long[] {4, 3, 8}, 0).toLongs());
    }

    @Test
    void adjacentRegionsReuseCachedTilesAndTheCacheStaysBounded() throws IOException {
        TiledVolume cached = openGrid(new TiledVolume.Options(8, false, 0));
        cached.read(new Region(0, 0, 0, 3, 4, 3));
        cached.read(new Region(0, 0, 3, 3, 4, 7));   // adds tile (0, 0, 1)
        cached.read(new Region(0, 0, 0, 3, 4, 10));  // both already decoded
        assertThat(cached.tileLoads()).isEqualTo(2);

        TiledVolume tiny = TiledVolume.open(dir.resolve("v.json"), new TiledVolume.Options(1, false, 0));
        tiny.read(new Region(0, 0, 0, 1, 1, 1));
        tiny.read(new Region(0, 0, 5, 1, 1, 6));
        tiny.read(new Region(0, 0, 0, 1, 1, 1));     // evicted by the second tile: read again
        assertThat(tiny.tileLoads()).isEqualTo(3);
    }

    @Test
    void concurrentReadersGetCorrectRegionsAndShareLoads() throws Exception {
        TiledVolume volume = openGrid(new TiledVolume.Options(8, false, 0));
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 48; t++) {
                SplittableRandom random = new SplittableRandom(t);
                results.add(pool.submit(() -> {
                    long z = random.nextLong(5);
                    long y = random.nextLong(7);
                    long x = random.nextLong(9);
                    Region r = new Region(z, y, x, z + 1 + random.nextLong(6 - z), y + 1 + random.nextLong(8 - y),
                            x + 1 + random.nextLong(10 - x));
                    return volume.read(r).contentEquals(TileFiles.expected(r, SHAPE, 0));
                }));
            }
            for (Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(volume.tileLoads()).isLessThanOrEqualTo(8);
    }

    @Test
    void regionsOutsideTheVolumeFailOrArePadded() throws IOException {
        TiledVolume volume = openGrid(new TiledVolume.Options(8, false, -7));
        Region partly = new Region(-1, 6, 8, 2, 10, 12);

        assertThatThrownBy(() -> volume.read(partly))
                .isInstanceOf(DataException.class)
                .hasMessageStartingWith(dir.resolve("v.json") + ": region [-1:2, 6:10, 8:12] lies partly outside");
        assertThat(volume.readPadded(partly).toLongs())
                .containsExactly(TileFiles.expected(partly, SHAPE, -7).toLongs());
    }

    @Test
    void missingTileFailsAtOpenNamingFileAndGridPositionOrReadsAsFill() throws IOException {
        TileFiles.writeRawGrid(dir, SHAPE, TILE, false);
        Path json = TileFiles.writeJson(dir, "v.json", SHAPE, TILE);
        Files.delete(dir.resolve("tiles/1_0_1.raw"));

        assertThatThrownBy(() -> TiledVolume.open(json, TiledVolume.Options.defaults()))
                .isInstanceOf(DataException.class)
                .hasMessageStartingWith(json + ": tile " + dir.toAbsolutePath().resolve("tiles/1_0_1.raw")
                        + " at grid position [1, 0, 1] (pattern) does not exist");
        TiledVolume filled = TiledVolume.open(json, new TiledVolume.Options(4, true, 9));
        long[] values = filled.read(new Region(2, 0, 4, 4, 1, 6)).toLongs();
        // z 2 (tile row 0): present; z 3, x 5 (tile (1, 0, 1)): fill
        assertThat(values).containsExactly(TileFiles.value(2, 0, 4), TileFiles.value(2, 0, 5),
                TileFiles.value(3, 0, 4), 9);
    }
}
