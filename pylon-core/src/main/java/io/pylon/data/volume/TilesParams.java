package io.pylon.data.volume;

import java.util.List;
import java.util.Optional;

import io.pylon.config.Default;
import io.pylon.config.InvalidValueException;

/**
 * Config of format {@code tiles}: patches of a tiled volume (schema: docs/data/tiles.md). Sample {@code i}
 * is the region {@code [1, pz, py, px]} at the {@code i}-th patch origin, with the same region of the
 * label volume as its int64 label map when {@code labels} is set.
 *
 * @param json the tile description of the input volume
 * @param patchSize {@code [pz, py, px]}
 * @param origins explicit patch origins {@code [[z, y, x], ...]} in volume coordinates
 * @param stride a regular grid of origins {@code 0, s, 2s, ...} per axis (z-major order); when neither
 *     {@code origins} nor {@code stride} is given the stride is the patch size (patches that touch)
 * @param pad allow patches reaching outside the volume (filled with {@code fill_value}); with a stride it
 *     also adds a last, partial patch per axis so that the whole volume is covered
 * @param fillValue value of padding and of absent tiles
 * @param labelFillValue value of the label map's padding and absent label tiles (an ignore index, say)
 * @param missingTiles {@code error}: an absent tile file fails at open; {@code fill}: it reads as fill value
 * @param labels optional tile description of a label volume of the same shape
 * @param cacheTiles decoded tiles kept per volume (LRU); memory is this times one tile's bytes
 */
public record TilesParams(
        String json,
        List<Long> patchSize,
        @Default("[]") List<List<Long>> origins,
        @Default("[]") List<Long> stride,
        @Default("false") boolean pad,
        @Default("0") double fillValue,
        @Default("0") double labelFillValue,
        @Default("error") MissingTiles missingTiles,
        @Default("null") Optional<String> labels,
        @Default("64") int cacheTiles) {

    /** What an absent tile file means. */
    public enum MissingTiles { ERROR, FILL }

    public TilesParams {
        InvalidValueException.require(json != null && !json.isBlank(), "json", "must name the tile JSON file");
        InvalidValueException.require(positiveTriple(patchSize), "patch_size", "must be 3 sizes [z, y, x] >= 1, got %s",
                patchSize);
        InvalidValueException.require(stride.isEmpty() || positiveTriple(stride), "stride",
                "must be 3 steps [z, y, x] >= 1, got %s", stride);
        InvalidValueException.require(origins.isEmpty() || stride.isEmpty(), "origins",
                "give either origins or stride, not both");
        for (int i = 0; i < origins.size(); i++) {
            InvalidValueException.require(origins.get(i).size() == 3, "origins." + i,
                    "must be [z, y, x], got %s", origins.get(i));
        }
        InvalidValueException.require(cacheTiles >= 0, "cache_tiles", "must be >= 0 (0 = no cache), got %d",
                cacheTiles);
        InvalidValueException.require(labels != null, "labels", "must be a JSON file or null");
    }

    /** The patch size as {@code [pz, py, px]}. */
    long[] patch() {
        return patchSize.stream().mapToLong(Long::longValue).toArray();
    }

    TiledVolume.Options options(double fill) {
        return new TiledVolume.Options(cacheTiles, missingTiles == MissingTiles.FILL, fill);
    }

    private static boolean positiveTriple(List<Long> values) {
        return values != null && values.size() == 3 && values.stream().allMatch(v -> v >= 1);
    }
}
