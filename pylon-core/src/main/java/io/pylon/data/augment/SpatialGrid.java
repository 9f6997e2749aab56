package io.pylon.data.augment;

import java.util.Arrays;
import java.util.List;

import io.pylon.data.DataException;
import io.pylon.data.Sample;
import io.pylon.data.array.NdArray;

/**
 * The spatial grid of a sample, always as {@code (depth, height, width)}: a 2D grid has depth 1, so that
 * one set of loops serves both. Spatial axis {@code a} of the config (0-based among the sample's spatial
 * dimensions) is internal axis {@link #axis(int)}.
 *
 * @param dims number of spatial dimensions of the sample, 2 or 3
 * @param extent the three internal extents {@code [D, H, W]}
 */
record SpatialGrid(int dims, int[] extent) {

    SpatialGrid {
        extent = extent.clone();
    }

    /** The grid of {@code sample}'s input; a {@link DataException} naming the sample unless it is 2D or 3D. */
    static SpatialGrid of(Sample sample, String transform) {
        long[] shape = sample.input().shape();
        if (shape.length != 3 && shape.length != 4) {
            throw failure(transform, sample, "spatial transforms need a [C, H, W] or [C, D, H, W] input, got "
                    + Arrays.toString(shape));
        }
        int[] extent = new int[3];
        extent[0] = 1;
        for (int i = 1; i < shape.length; i++) {
            extent[i + 3 - shape.length] = Math.toIntExact(shape[i]);
        }
        return new SpatialGrid(shape.length - 1, extent);
    }

    /** A grid with the same number of dimensions and new internal extents. */
    SpatialGrid with(int[] newExtent) {
        return new SpatialGrid(dims, newExtent);
    }

    /** Internal axis of config spatial axis {@code spatialAxis}. */
    int axis(int spatialAxis) {
        return spatialAxis + 3 - dims;
    }

    int extent(int internalAxis) {
        return extent[internalAxis];
    }

    @Override
    public int[] extent() {
        return extent.clone();
    }

    /** Number of grid points. */
    int volume() {
        return extent[0] * extent[1] * extent[2];
    }

    /** Flat-index stride of each internal axis. */
    int[] strides() {
        return new int[] {extent[1] * extent[2], extent[2], 1};
    }

    /** The sample-facing shape {@code [*leading, *S]} of an array over this grid. */
    long[] shape(long... leading) {
        long[] shape = Arrays.copyOf(leading, leading.length + dims);
        for (int i = 0; i < dims; i++) {
            shape[leading.length + i] = extent[3 - dims + i];
        }
        return shape;
    }

    /** The leading dimensions of {@code array} (those before the spatial ones). */
    long[] leading(NdArray array) {
        return Arrays.copyOf(array.shape(), array.rank() - dims);
    }

    /** The internal extents of a config size list; a {@link DataException} unless it has one entry per axis. */
    int[] internal(List<Integer> sizes, String key, String transform, Sample sample) {
        if (sizes.size() != dims) {
            throw failure(transform, sample, key + " " + sizes + " has " + sizes.size() + " entries but the sample has "
                    + dims + " spatial dimensions " + Arrays.toString(shape()) + "; give one entry per spatial axis");
        }
        int[] out = {1, 1, 1};
        for (int i = 0; i < dims; i++) {
            out[axis(i)] = sizes.get(i);
        }
        return out;
    }

    /** Checks that config spatial axis {@code spatialAxis} exists in this sample. */
    int requireAxis(int spatialAxis, String key, String transform, Sample sample) {
        if (spatialAxis >= dims) {
            throw failure(transform, sample, key + " names spatial axis " + spatialAxis + " but the sample has only "
                    + dims + " spatial dimensions " + Arrays.toString(shape()) + " (axes are 0-based among them)");
        }
        return axis(spatialAxis);
    }

    static DataException failure(String transform, Sample sample, String problem) {
        return new DataException("transform " + transform, sample.index(), problem);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SpatialGrid that && dims == that.dims && Arrays.equals(extent, that.extent);
    }

    @Override
    public int hashCode() {
        return 31 * dims + Arrays.hashCode(extent);
    }

    @Override
    public String toString() {
        return Arrays.toString(shape());
    }
}
