package io.pylon.data.volume;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

import io.pylon.data.array.DType;
import io.pylon.data.array.NdArray;

/** Writes tile grids whose voxel values are a known function of the global coordinate. */
final class TileFiles {

    private TileFiles() {
    }

    /** The test volume's value at voxel (z, y, x): distinct everywhere, so any misplaced copy shows. */
    static int value(long z, long y, long x) {
        return (int) (10000 * z + 100 * y + x);
    }

    /**
     * Writes raw little-endian int32 tiles {@code tiles/{z}_{y}_{x}.raw} under {@code dir} for a volume of
     * {@code shape} cut into {@code tile}; edge tiles are cropped to the volume when {@code crop}, else full
     * (their voxels beyond the volume hold -1).
     */
    static void writeRawGrid(Path dir, long[] shape, long[] tile, boolean crop) {
        try {
            Files.createDirectories(dir.resolve("tiles"));
            long[] grid = TileLayout.gridShape(shape, tile);
            for (long gz = 0; gz < grid[0]; gz++) {
                for (long gy = 0; gy < grid[1]; gy++) {
                    for (long gx = 0; gx < grid[2]; gx++) {
                        long[] start = {gz * tile[0], gy * tile[1], gx * tile[2]};
                        long[] size = new long[3];
                        for (int a = 0; a < 3; a++) {
                            size[a] = crop ? Math.min(tile[a], shape[a] - start[a]) : tile[a];
                        }
                        ByteBuffer b = ByteBuffer.allocate((int) (4 * size[0] * size[1] * size[2]))
                                .order(ByteOrder.LITTLE_ENDIAN);
                        for (long z = 0; z < size[0]; z++) {
                            for (long y = 0; y < size[1]; y++) {
                                for (long x = 0; x < size[2]; x++) {
                                    long gzv = start[0] + z;
                                    long gyv = start[1] + y;
                                    long gxv = start[2] + x;
                                    boolean inside = gzv < shape[0] && gyv < shape[1] && gxv < shape[2];
                                    b.putInt(inside ? value(gzv, gyv, gxv) : -1);
                                }
                            }
                        }
                        Files.write(dir.resolve("tiles/" + gz + "_" + gy + "_" + gx + ".raw"), b.array());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A tile JSON with a pattern over the raw int32 tiles {@link #writeRawGrid} writes. */
    static Path writeJson(Path dir, String name, long[] shape, long[] tile) throws IOException {
        return Files.writeString(dir.resolve(name), """
                {"shape": [%d, %d, %d], "tile_shape": [%d, %d, %d], "dtype": "int32", "format": "raw",
                 "pattern": "tiles/{z}_{y}_{x}.raw"}
                """.formatted(shape[0], shape[1], shape[2], tile[0], tile[1], tile[2]));
    }

    /** The expected values of {@code region}, with {@code fill} outside {@code shape}. */
    static NdArray expected(Region region, long[] shape, int fill) {
        long[] s = region.shape();
        int[] v = new int[(int) (s[0] * s[1] * s[2])];
        int n = 0;
        for (long z = region.z0(); z < region.z1(); z++) {
            for (long y = region.y0(); y < region.y1(); y++) {
                for (long x = region.x0(); x < region.x1(); x++) {
                    boolean inside = z >= 0 && y >= 0 && x >= 0 && z < shape[0] && y < shape[1] && x < shape[2];
                    v[n++] = inside ? value(z, y, x) : fill;
                }
            }
        }
        return new NdArray(NdArray.of(v, s).data(), DType.INT32, s);
    }
}
