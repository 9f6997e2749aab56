package io.pylon.data.volume;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import io.pylon.data.DataException;
import io.pylon.data.Dataset;
import io.pylon.data.Sample;
import io.pylon.data.array.NdArray;

/**
 * The {@code tiles} format (see {@link TilesParams}): sample {@code i} is the patch at origin {@code i} of a
 * {@link TiledVolume}, as {@code [1, pz, py, px]} in the volume's type, with the label volume's patch as an
 * int64 label map {@code [pz, py, px]} when labels are configured (otherwise the 0-d target {@code -1}).
 * Thread-safe.
 */
public final class TilesDataset implements Dataset {

    private final TilesParams params;
    private final TiledVolume image;
    private final Optional<TiledVolume> labels;
    private final List<long[]> origins;

    public TilesDataset(TilesParams params) {
        this.params = params;
        this.image = TiledVolume.open(Path.of(params.json()), params.options(params.fillValue()));
        this.labels = params.labels().map(l -> TiledVolume.open(Path.of(l), params.options(params.labelFillValue())));
        labels.ifPresent(l -> {
            if (!Arrays.equals(l.shape(), image.shape())) {
                throw DataException.file(l.json().toString(), "the label volume has shape "
                        + Arrays.toString(l.shape()) + " but the image volume " + image.json() + " has "
                        + Arrays.toString(image.shape()) + "; they must cover the same voxels", null);
            }
        });
        this.origins = List.copyOf(params.origins().isEmpty() ? grid() : explicit());
    }

    @Override
    public long size() {
        return origins.size();
    }

    @Override
    public Sample get(long index) {
        checkIndex(index);
        Region region = Region.at(origins.get((int) index), params.patch());
        NdArray patch = image.read(region, params.pad(), index);
        long[] p = params.patch();
        NdArray input = patch.reshape(1, p[0], p[1], p[2]);
        if (labels.isEmpty()) {
            return Sample.classified(index, input, -1);
        }
        NdArray labelPatch = labels.get().read(region, params.pad(), index);
        return Sample.segmented(index, input, VolumeArrays.labelMap(labelPatch, 3, labels.get().json().toString(),
                index));
    }

    /** The origin {@code [z, y, x]} of sample {@code index}'s patch. */
    public long[] origin(long index) {
        checkIndex(index);
        return origins.get((int) index).clone();
    }

    /** The input volume (for reading other regions, e.g. whole-volume inference). */
    public TiledVolume volume() {
        return image;
    }

    @Override
    public String fingerprint() {
        return "tiles:" + image.fingerprint() + ":" + labels.map(TiledVolume::fingerprint).orElse("") + ":"
                + params;
    }

    private List<long[]> explicit() {
        long[] shape = image.shape();
        long[] p = params.patch();
        List<long[]> out = new ArrayList<>();
        for (int i = 0; i < params.origins().size(); i++) {
            long[] o = params.origins().get(i).stream().mapToLong(Long::longValue).toArray();
            Region region = Region.at(o, p);
            boolean overlaps = region.z1() > 0 && region.y1() > 0 && region.x1() > 0 && o[0] < shape[0]
                    && o[1] < shape[1] && o[2] < shape[2];
            if (params.pad() ? !overlaps : !region.inside(shape)) {
                throw DataException.file(image.json().toString(), "origins[" + i + "] " + Arrays.toString(o)
                        + " gives patch " + region + (params.pad() ? ", which misses" : ", not inside")
                        + " the volume of shape " + Arrays.toString(shape)
                        + (params.pad() ? "" : "; move it or set pad: true"), null);
            }
            out.add(o);
        }
        return out;
    }

    /** Origins {@code 0, s, 2s, ...} per axis, z-major; with padding, one more per axis to reach the end. */
    private List<long[]> grid() {
        long[] shape = image.shape();
        long[] p = params.patch();
        long[] s = params.stride().isEmpty() ? p : params.stride().stream().mapToLong(Long::longValue).toArray();
        List<List<Long>> axes = new ArrayList<>();
        for (int a = 0; a < 3; a++) {
            List<Long> starts = new ArrayList<>();
            for (long o = 0; params.pad() ? o < shape[a] : o + p[a] <= shape[a]; o += s[a]) {
                starts.add(o);
            }
            if (starts.isEmpty()) {
                throw DataException.file(image.json().toString(), "patch_size " + Arrays.toString(p)
                        + " is larger than the volume " + Arrays.toString(shape) + " along axis " + a
                        + "; use a smaller patch or set pad: true", null);
            }
            axes.add(starts);
        }
        List<long[]> out = new ArrayList<>();
        for (long z : axes.get(0)) {
            for (long y : axes.get(1)) {
                for (long x : axes.get(2)) {
                    out.add(new long[] {z, y, x});
                }
            }
        }
        return out;
    }
}
