package io.pylon.data.volume;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import io.pylon.data.DataException;

/**
 * Expands a tile path pattern such as {@code tiles/{z}_{y}_{x}.raw} over the tile grid. Placeholders:
 * {@code {z} {y} {x}} the tile's grid indices, {@code {z0} {y0} {x0}} its first voxel's global
 * coordinate ({@code offset + index * tile_shape}); {@code {z:03}} pads with zeros to 3 digits.
 */
final class TilePaths {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z0-9]+)(?::0(\\d+))?}");
    private static final List<String> NAMES = List.of("z", "y", "x", "z0", "y0", "x0");

    private TilePaths() {
    }

    static List<TileLayout.Tile> fromPattern(JsonNode node, Path folder, long[] grid, long[] tileShape, long[] offset,
            String source) {
        if (!node.isTextual() || node.asText().isBlank()) {
            throw DataException.file(source, "key 'pattern' must be a file path pattern such as"
                    + " \"tiles/{z}_{y}_{x}.raw\", got " + node, null);
        }
        String pattern = node.asText();
        boolean[] axisUsed = new boolean[3];
        Matcher m = PLACEHOLDER.matcher(pattern);
        while (m.find()) {
            int name = NAMES.indexOf(m.group(1));
            if (name < 0) {
                throw DataException.file(source, "key 'pattern' has unknown placeholder {" + m.group(1)
                        + "}; use {z} {y} {x} (grid indices) or {z0} {y0} {x0} (voxel coordinates)", null);
            }
            axisUsed[name % 3] = true;
        }
        String[] axes = {"z", "y", "x"};
        for (int a = 0; a < 3; a++) {
            if (grid[a] > 1 && !axisUsed[a]) {
                throw DataException.file(source, "key 'pattern' \"" + pattern + "\" has no {" + axes[a] + "} or {"
                        + axes[a] + "0} placeholder, but the grid has " + grid[a] + " tiles along " + axes[a]
                        + ": those tiles would all overlap in one file", null);
            }
        }
        List<TileLayout.Tile> tiles = new ArrayList<>();
        Map<Path, List<Long>> seen = new HashMap<>();
        for (long gz = 0; gz < grid[0]; gz++) {
            for (long gy = 0; gy < grid[1]; gy++) {
                for (long gx = 0; gx < grid[2]; gx++) {
                    long[] g = {gz, gy, gx};
                    Path path = folder.resolve(expand(pattern, g, tileShape, offset));
                    List<Long> position = List.of(gz, gy, gx);
                    List<Long> previous = seen.putIfAbsent(path, position);
                    if (previous != null) {
                        throw DataException.file(source, "key 'pattern' gives the same file " + path + " for grid"
                                + " positions " + previous + " and " + position + ": the tiles would overlap", null);
                    }
                    tiles.add(new TileLayout.Tile(position, path, "pattern"));
                }
            }
        }
        return tiles;
    }

    private static String expand(String pattern, long[] grid, long[] tileShape, long[] offset) {
        Matcher m = PLACEHOLDER.matcher(pattern);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int name = NAMES.indexOf(m.group(1));
            int axis = name % 3;
            long value = name < 3 ? grid[axis] : offset[axis] + grid[axis] * tileShape[axis];
            String text = Long.toString(value);
            if (m.group(2) != null) {
                text = String.format("%0" + Integer.parseInt(m.group(2)) + "d", value);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(text));
        }
        m.appendTail(out);
        return out.toString();
    }
}
