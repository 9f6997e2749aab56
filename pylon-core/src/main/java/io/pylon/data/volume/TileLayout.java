package io.pylon.data.volume;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.pylon.data.DataException;
import io.pylon.data.array.DType;

/**
 * The grid a tile JSON describes (schema: docs/data/tiles.md), validated: the volume {@code shape} is cut
 * into {@code ceil(shape / tile_shape)} tiles per axis, and every grid position has exactly one file,
 * given by a {@code pattern} or an explicit {@code tiles} list. Errors name the JSON file and the
 * offending key or entry. Tile files themselves are checked by {@link TiledVolume}.
 */
final class TileLayout {

    enum TileFormat { RAW, TIFF }

    /**
     * One tile file.
     *
     * @param grid grid position {@code [gz, gy, gx]}
     * @param entry where the JSON defines it ({@code pattern} or {@code tiles[i]}), for errors
     */
    record Tile(List<Long> grid, Path path, String entry) {

        String describe() {
            return "tile " + path + " at grid position " + grid + " (" + entry + ")";
        }
    }

    private static final Set<String> KEYS = Set.of("shape", "tile_shape", "offset", "dtype", "format", "pattern",
            "tiles");
    private static final ObjectMapper JSON = new ObjectMapper();

    final Path json;
    final long[] shape;
    final long[] tileShape;
    final long[] offset;
    final long[] gridShape;
    final DType dtype;
    final TileFormat format;
    /** By flat grid index {@code (gz * GY + gy) * GX + gx}. */
    final List<Tile> tiles;

    private TileLayout(Path json, long[] shape, long[] tileShape, long[] offset, DType dtype, TileFormat format,
            List<Tile> tiles) {
        this.json = json;
        this.shape = shape;
        this.tileShape = tileShape;
        this.offset = offset;
        this.gridShape = gridShape(shape, tileShape);
        this.dtype = dtype;
        this.format = format;
        this.tiles = List.copyOf(tiles);
    }

    static TileLayout parse(Path json) {
        String source = json.toString();
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(json));
        } catch (JsonProcessingException e) {
            throw DataException.file(source, "is not valid JSON (" + e.getOriginalMessage() + " at line "
                    + (e.getLocation() == null ? "?" : e.getLocation().getLineNr()) + ")", e);
        } catch (IOException e) {
            throw DataException.file(source, "cannot read the tile description (" + e + "); check the path", e);
        }
        if (root == null || !root.isObject()) {
            throw DataException.file(source, "must hold a JSON object (see docs/data/tiles.md)", null);
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext();) {
            String key = names.next();
            if (!KEYS.contains(key) && !key.startsWith("_")) {
                throw DataException.file(source, "unknown key '" + key + "'; allowed: " + KEYS.stream().sorted()
                        .toList() + " (keys starting with '_' are comments)", null);
            }
        }
        long[] shape = triple(root, "shape", "key 'shape'", source, 1, null);
        long[] tileShape = triple(root, "tile_shape", "key 'tile_shape'", source, 1, null);
        long[] offset = triple(root, "offset", "key 'offset'", source, Long.MIN_VALUE, new long[3]);
        DType dtype = dtype(root, source);
        TileFormat format = format(root, source, dtype);
        long[] grid = gridShape(shape, tileShape);
        long count = grid[0] * grid[1] * grid[2];
        if (count > Integer.MAX_VALUE / 2) {
            throw DataException.file(source, "shape " + Arrays.toString(shape) + " / tile_shape "
                    + Arrays.toString(tileShape) + " gives " + count + " tiles; use larger tiles", null);
        }
        Path folder = json.toAbsolutePath().getParent();
        boolean hasPattern = root.has("pattern");
        if (hasPattern == root.has("tiles")) {
            throw DataException.file(source, "give exactly one of 'pattern' (e.g. \"tiles/{z}_{y}_{x}.raw\") and"
                    + " 'tiles' (a list of {\"grid\": [z, y, x], \"path\": ...})", null);
        }
        List<Tile> tiles = hasPattern
                ? TilePaths.fromPattern(root.get("pattern"), folder, grid, tileShape, offset, source)
                : fromList(root.get("tiles"), folder, grid, shape, tileShape, source);
        return new TileLayout(json, shape, tileShape, offset, dtype, format, tiles);
    }

    /** Flat index of grid position {@code (gz, gy, gx)}. */
    int flatIndex(long gz, long gy, long gx) {
        return (int) ((gz * gridShape[1] + gy) * gridShape[2] + gx);
    }

    /** The voxel start {@code [z, y, x]} of the tile at {@code grid}. */
    long[] start(List<Long> grid) {
        return new long[] {grid.get(0) * tileShape[0], grid.get(1) * tileShape[1], grid.get(2) * tileShape[2]};
    }

    /** The part of the tile at {@code grid} inside the volume: {@code tile_shape} except at the far edges. */
    long[] croppedShape(List<Long> grid) {
        long[] start = start(grid);
        long[] out = new long[3];
        for (int a = 0; a < 3; a++) {
            out[a] = Math.min(tileShape[a], shape[a] - start[a]);
        }
        return out;
    }

    static long[] gridShape(long[] shape, long[] tileShape) {
        long[] grid = new long[3];
        for (int a = 0; a < 3; a++) {
            grid[a] = (shape[a] + tileShape[a] - 1) / tileShape[a];
        }
        return grid;
    }

    private static List<Tile> fromList(JsonNode list, Path folder, long[] grid, long[] shape, long[] tileShape,
            String source) {
        if (!list.isArray() || list.isEmpty()) {
            throw DataException.file(source, "key 'tiles' must be a non-empty list of {\"grid\": [z, y, x],"
                    + " \"path\": ...} objects", null);
        }
        int count = (int) (grid[0] * grid[1] * grid[2]);
        Tile[] byIndex = new Tile[count];
        Map<Integer, Integer> firstEntry = new HashMap<>();
        for (int i = 0; i < list.size(); i++) {
            String entry = "tiles[" + i + "]";
            JsonNode item = list.get(i);
            if (!item.isObject() || !item.path("path").isTextual() || item.size() != 2 || !item.has("grid")) {
                throw DataException.file(source, entry + " must be an object with exactly the keys \"grid\""
                        + " ([z, y, x] tile indices) and \"path\" (a file name), got " + item, null);
            }
            long[] position = triple(item, "grid", entry + " 'grid'", source, 0, null);
            for (int a = 0; a < 3; a++) {
                if (position[a] >= grid[a]) {
                    throw DataException.file(source, entry + " grid position " + Arrays.toString(position)
                            + " lies outside the tile grid " + Arrays.toString(grid) + " that shape "
                            + Arrays.toString(shape) + " and tile_shape " + Arrays.toString(tileShape)
                            + " give (indices count tiles, not voxels)", null);
                }
            }
            int flat = (int) ((position[0] * grid[1] + position[1]) * grid[2] + position[2]);
            Integer previous = firstEntry.putIfAbsent(flat, i);
            if (previous != null) {
                throw DataException.file(source, entry + " overlaps tiles[" + previous + "]: both claim grid"
                        + " position " + Arrays.toString(position) + "; each position needs exactly one tile", null);
            }
            byIndex[flat] = new Tile(List.of(position[0], position[1], position[2]),
                    folder.resolve(item.get("path").asText()), entry);
        }
        requireCovered(byIndex, grid, shape, tileShape, source);
        return Arrays.asList(byIndex);
    }

    private static void requireCovered(Tile[] byIndex, long[] grid, long[] shape, long[] tileShape, String source) {
        long[] reach = new long[3];
        List<String> gaps = new ArrayList<>();
        int missing = 0;
        for (int flat = 0; flat < byIndex.length; flat++) {
            long[] g = {flat / (grid[1] * grid[2]), flat / grid[2] % grid[1], flat % grid[2]};
            if (byIndex[flat] == null) {
                missing++;
                if (gaps.size() < 5) {
                    gaps.add(Arrays.toString(g));
                }
                continue;
            }
            for (int a = 0; a < 3; a++) {
                reach[a] = Math.max(reach[a], Math.min(shape[a], (g[a] + 1) * tileShape[a]));
            }
        }
        if (missing == 0) {
            return;
        }
        String[] axes = {"z", "y", "x"};
        for (int a = 0; a < 3; a++) {
            if (reach[a] < shape[a]) {
                throw DataException.file(source, "the tiles reach only voxel " + reach[a] + " along " + axes[a]
                        + " but 'shape' says " + shape[a] + ": the volume shape is not covered; add the missing"
                        + " tiles or correct 'shape' (missing grid positions include " + String.join(", ", gaps)
                        + ")", null);
            }
        }
        throw DataException.file(source, "'tiles' leaves gaps: no tile at grid position(s) " + String.join(", ",
                gaps) + (missing > gaps.size() ? " and " + (missing - gaps.size()) + " more" : "")
                + "; list one tile per grid position", null);
    }

    /** The 3 integers {@code [z, y, x]} under {@code key} of {@code parent}; {@code label} names them in errors. */
    private static long[] triple(JsonNode parent, String key, String label, String source, long min,
            long[] fallback) {
        JsonNode node = parent.get(key);
        if (node == null) {
            if (fallback != null) {
                return fallback;
            }
            throw DataException.file(source, "missing " + label + " ([z, y, x])", null);
        }
        boolean ok = node.isArray() && node.size() == 3;
        long[] out = new long[3];
        for (int a = 0; ok && a < 3; a++) {
            ok = node.get(a).canConvertToExactIntegral() && node.get(a).canConvertToLong()
                    && node.get(a).asLong() >= min;
            out[a] = node.get(a).asLong();
        }
        if (!ok) {
            throw DataException.file(source, label + " must be 3 integers [z, y, x]" + (min == 1 ? " >= 1"
                    : min == 0 ? " >= 0" : "") + ", got " + node, null);
        }
        return out;
    }

    private static DType dtype(JsonNode root, String source) {
        JsonNode node = root.get("dtype");
        if (node == null || !node.isTextual()) {
            throw DataException.file(source, "key 'dtype' must name the voxel type (uint8, uint16, int16, int32,"
                    + " int64, float32, ...), got " + node, null);
        }
        try {
            return DType.parse(node.asText());
        } catch (IllegalArgumentException e) {
            throw DataException.file(source, "key 'dtype': " + e.getMessage(), e);
        }
    }

    private static TileFormat format(JsonNode root, String source, DType dtype) {
        JsonNode node = root.get("format");
        String text = node == null ? "raw" : node.asText("");
        TileFormat format = switch (text.toLowerCase(Locale.ROOT)) {
            case "raw" -> TileFormat.RAW;
            case "tiff", "tif" -> TileFormat.TIFF;
            default -> throw DataException.file(source, "key 'format' must be \"raw\" (little-endian C-order"
                    + " [z, y, x] voxels) or \"tiff\" (multi-page stacks), got " + node, null);
        };
        if (format == TileFormat.TIFF && dtype != DType.UINT8 && dtype != DType.UINT16 && dtype != DType.FLOAT32) {
            throw DataException.file(source, "key 'dtype' is " + dtype.id() + " but TIFF tiles hold uint8, uint16"
                    + " or float32", null);
        }
        return format;
    }
}
