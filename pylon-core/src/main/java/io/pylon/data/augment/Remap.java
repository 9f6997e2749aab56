package io.pylon.data.augment;

import io.pylon.data.Sample;
import io.pylon.data.array.NdArray;

/**
 * Applies one geometry to a whole sample: the input's channels and, for a dense target, every target slice
 * with the same map (nearest neighbour, dtype kept). A non-dense target passes through untouched.
 */
final class Remap {

    private Remap() {
    }

    /** Both arrays through the index map {@code index} from grid {@code in} onto grid {@code out}. */
    static Sample gather(Sample sample, SpatialGrid in, SpatialGrid out, int[] index, double fill,
                         double targetFill) {
        NdArray input = Gather.apply(sample.input(), in.volume(), index, out.shape(in.leading(sample.input())), fill);
        return sample.with(input, target(sample, in, out, index, targetFill));
    }

    /**
     * Both arrays read at the source coordinates of {@code rows} (one per point of {@code out}): the input as
     * {@code mode} says, the dense target by nearest neighbour.
     */
    static Sample warp(Sample sample, SpatialGrid in, SpatialGrid out, SourceRows rows, Interpolation mode,
                       double fill, double targetFill) {
        boolean linear = mode == Interpolation.LINEAR;
        int[] nearest = !linear || sample.denseTarget() ? new int[out.volume()] : null;
        long[] leading = in.leading(sample.input());
        int channels = Math.toIntExact(NdArray.count(leading));
        float[] values = linear ? new float[channels * out.volume()] : null;
        float[] source = linear ? Gather.floats(sample.input()) : null;
        Resampler.sample(in, out, rows, source, channels, (float) fill, values, nearest);
        if (!linear) {
            return gather(sample, in, out, nearest, fill, targetFill);
        }
        NdArray input = NdArray.of(values, out.shape(leading));
        return sample.with(input, target(sample, in, out, nearest, targetFill));
    }

    /**
     * A window of {@code size} points per internal axis starting at source index {@code start}; where it
     * reaches outside the grid it reads the constant fills.
     */
    static Sample window(Sample sample, SpatialGrid grid, int[] start, int[] size, double fill, double targetFill) {
        int[][] tables = new int[3][];
        for (int a = 0; a < 3; a++) {
            tables[a] = IndexMaps.window(grid.extent(a), start[a], size[a], PadMode.CONSTANT);
        }
        return gather(sample, grid, grid.with(size), IndexMaps.separable(grid, tables), fill, targetFill);
    }

    private static NdArray target(Sample sample, SpatialGrid in, SpatialGrid out, int[] index, double fill) {
        if (!sample.denseTarget()) {
            return sample.target();
        }
        NdArray target = sample.target();
        return Gather.apply(target, in.volume(), index, out.shape(in.leading(target)), fill);
    }
}
