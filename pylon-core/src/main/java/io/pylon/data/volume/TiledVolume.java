package io.pylon.data.volume;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import io.pylon.data.DataException;
import io.pylon.data.array.DType;
import io.pylon.data.array.NdArray;

/**
 * A large 3-d volume stored as a grid of tile files described by a JSON file (schema in
 * docs/data/tiles.md), read region by region: a region may span many tiles, and decoded tiles are kept
 * in a small LRU cache so that neighbouring regions do not re-read them. Thread-safe.
 *
 * <p>Opening validates the grid and every tile file's presence and, for raw tiles, size; a raw tile holds
 * {@code tile_shape} voxels, or only the part inside the volume for tiles at the far edges. Regions are in
 * volume coordinates {@code [0, shape)} (the JSON's {@code offset} only names files).
 */
public final class TiledVolume {

    /**
     * Reading options.
     *
     * @param cacheTiles decoded tiles kept (memory: this many × tile voxels × dtype bytes); 0 = no cache
     * @param fillMissing read absent tile files as {@code fillValue} instead of failing at open
     * @param fillValue the value of absent tiles and of padding outside the volume ({@link #readPadded})
     */
    public record Options(int cacheTiles, boolean fillMissing, double fillValue) {

        public Options {
            if (cacheTiles < 0) {
                throw new IllegalArgumentException("cacheTiles must be >= 0, got " + cacheTiles);
            }
        }

        public static Options defaults() {
            return new Options(64, false, 0);
        }
    }

    private final TileLayout layout;
    private final Options options;
    private final boolean[] missing;
    private final TileCache cache;
    private final String fingerprint;

    private TiledVolume(TileLayout layout, Options options, boolean[] missing, String fingerprint) {
        this.layout = layout;
        this.options = options;
        this.missing = missing;
        this.cache = new TileCache(options.cacheTiles());
        this.fingerprint = fingerprint;
    }

    /**
     * Opens and validates {@code json}.
     *
     * @throws DataException naming the JSON file and the offending key, entry or tile
     */
    public static TiledVolume open(Path json, Options options) {
        TileLayout layout = TileLayout.parse(json);
        String source = json.toString();
        if (!VolumeArrays.representable(layout.dtype, options.fillValue())) {
            throw DataException.file(source, "fill value " + options.fillValue() + " is not a " + layout.dtype.id()
                    + " value; choose one the volume's type can hold", null);
        }
        boolean[] missing = new boolean[layout.tiles.size()];
        long hash = 17;
        try {
            hash = 31 * hash + Files.size(json) + 31 * Files.getLastModifiedTime(json).toMillis();
            for (int i = 0; i < missing.length; i++) {
                TileLayout.Tile tile = layout.tiles.get(i);
                if (!Files.isRegularFile(tile.path())) {
                    if (!options.fillMissing()) {
                        throw DataException.file(source, tile.describe() + " does not exist; restore it, or set"
                                + " missing_tiles: fill to read absent tiles as the fill value", null);
                    }
                    missing[i] = true;
                    continue;
                }
                long size = Files.size(tile.path());
                if (layout.format == TileLayout.TileFormat.RAW) {
                    expectedShape(layout, tile, size, source, DataException.NO_SAMPLE);
                }
                hash = 31 * (31 * hash + size) + Files.getLastModifiedTime(tile.path()).toMillis();
            }
        } catch (IOException e) {
            throw DataException.file(source, "cannot read the sizes of its tile files (" + e + ")", e);
        }
        String fingerprint = json.toAbsolutePath() + "#" + Long.toHexString(hash) + "#" + options;
        return new TiledVolume(layout, options, missing, fingerprint);
    }

    /** Volume shape {@code [z, y, x]}. */
    public long[] shape() {
        return layout.shape.clone();
    }

    public DType dtype() {
        return layout.dtype;
    }

    /** Tile shape {@code [z, y, x]}. */
    public long[] tileShape() {
        return layout.tileShape.clone();
    }

    /** Global coordinate of voxel {@code [0, 0, 0]} (the JSON's {@code offset}). */
    public long[] offset() {
        return layout.offset.clone();
    }

    public Path json() {
        return layout.json;
    }

    /**
     * The voxels of {@code region} as {@code [z1 - z0, y1 - y0, x1 - x0]}.
     *
     * @throws DataException when the region is not inside the volume, or a tile cannot be read
     */
    public NdArray read(Region region) {
        return read(region, false, DataException.NO_SAMPLE);
    }

    /** Like {@link #read}, but voxels outside the volume read as the fill value. */
    public NdArray readPadded(Region region) {
        return read(region, true, DataException.NO_SAMPLE);
    }

    /** Changes when the JSON, a tile file or the options change. */
    public String fingerprint() {
        return fingerprint;
    }

    /** Tile files read so far (cache misses). */
    long tileLoads() {
        return cache.loads();
    }

    NdArray read(Region region, boolean pad, long sampleIndex) {
        long[] shape = layout.shape;
        if (!pad && !region.inside(shape)) {
            throw new DataException(layout.json.toString(), sampleIndex, "region " + region + " lies partly outside"
                    + " the volume of shape " + Arrays.toString(shape) + "; move it inside or enable padding");
        }
        long[] start = region.start();
        long[] out = region.shape();
        NdArray result = VolumeArrays.filled(layout.dtype, options.fillValue(), out);
        long[] lo = new long[3];
        long[] hi = new long[3];
        for (int a = 0; a < 3; a++) {
            lo[a] = Math.max(start[a], 0);
            hi[a] = Math.min(start[a] + out[a], shape[a]);
            if (lo[a] >= hi[a]) {
                return result;
            }
        }
        long[] t = layout.tileShape;
        for (long gz = lo[0] / t[0]; gz <= (hi[0] - 1) / t[0]; gz++) {
            for (long gy = lo[1] / t[1]; gy <= (hi[1] - 1) / t[1]; gy++) {
                for (long gx = lo[2] / t[2]; gx <= (hi[2] - 1) / t[2]; gx++) {
                    int flat = layout.flatIndex(gz, gy, gx);
                    if (!missing[flat]) {
                        NdArray tile = cache.get(flat, i -> load(i, sampleIndex));
                        copy(tile, layout.start(layout.tiles.get(flat).grid()), result, start, lo, hi);
                    }
                }
            }
        }
        return result;
    }

    /** Copies the part of {@code tile} (first voxel at {@code tileStart}) inside {@code [lo, hi)}, row by row. */
    private static void copy(NdArray tile, long[] tileStart, NdArray out, long[] outStart, long[] lo, long[] hi) {
        long[] ts = tile.shape();
        long[] os = out.shape();
        long[] from = new long[3];
        long[] to = new long[3];
        for (int a = 0; a < 3; a++) {
            from[a] = Math.max(lo[a], tileStart[a]);
            to[a] = Math.min(hi[a], tileStart[a] + ts[a]);
        }
        int bytes = tile.dtype().bytes();
        long rowBytes = (to[2] - from[2]) * bytes;
        for (long z = from[0]; z < to[0]; z++) {
            for (long y = from[1]; y < to[1]; y++) {
                long src = (((z - tileStart[0]) * ts[1] + (y - tileStart[1])) * ts[2] + (from[2] - tileStart[2]))
                        * bytes;
                long dst = (((z - outStart[0]) * os[1] + (y - outStart[1])) * os[2] + (from[2] - outStart[2]))
                        * bytes;
                MemorySegment.copy(tile.data(), src, out.data(), dst, rowBytes);
            }
        }
    }

    private NdArray load(int flat, long sampleIndex) {
        TileLayout.Tile tile = layout.tiles.get(flat);
        String source = layout.json.toString();
        try {
            if (layout.format == TileLayout.TileFormat.RAW) {
                byte[] bytes = Files.readAllBytes(tile.path());
                long[] shape = expectedShape(layout, tile, bytes.length, source, sampleIndex);
                return VolumeArrays.decode(bytes, 0, ByteOrder.LITTLE_ENDIAN, layout.dtype, shape);
            }
            NdArray stack = TiffStacks.read(tile.path(), sampleIndex);
            if (stack.dtype() != layout.dtype || !(Arrays.equals(stack.shape(), layout.tileShape)
                    || Arrays.equals(stack.shape(), layout.croppedShape(tile.grid())))) {
                throw new DataException(source, sampleIndex, tile.describe() + " is " + stack.dtype().id() + " "
                        + Arrays.toString(stack.shape()) + " but the JSON declares " + layout.dtype.id() + " tiles of "
                        + Arrays.toString(layout.tileShape) + " (or the cropped edge "
                        + Arrays.toString(layout.croppedShape(tile.grid())) + ")");
            }
            return stack;
        } catch (IOException e) {
            throw new DataException(source, sampleIndex, tile.describe() + " cannot be read (" + e + ")", e);
        } catch (DataException e) {
            if (e.source().equals(source)) {
                throw e;
            }
            throw new DataException(source, sampleIndex, tile.describe() + ": " + e.getMessage(), e);
        }
    }

    /** The shape a raw tile of {@code size} bytes holds: the full tile, or the cropped edge tile. */
    private static long[] expectedShape(TileLayout layout, TileLayout.Tile tile, long size, String source,
            long sampleIndex) {
        long[] cropped = layout.croppedShape(tile.grid());
        long full = NdArray.count(layout.tileShape) * layout.dtype.bytes();
        long edge = NdArray.count(cropped) * layout.dtype.bytes();
        if (size == full) {
            return layout.tileShape.clone();
        }
        if (size == edge) {
            return cropped;
        }
        throw new DataException(source, sampleIndex, tile.describe() + " has " + size + " bytes but tile_shape "
                + Arrays.toString(layout.tileShape) + " of " + layout.dtype.id() + " needs " + full + " bytes"
                + (edge != full ? " (or " + edge + " for this edge tile cropped to " + Arrays.toString(cropped) + ")"
                        : "") + "; check tile_shape and dtype, or re-export the tile");
    }
}
