package io.pylon.data.augment;

import java.util.List;
import java.util.SplittableRandom;

import io.pylon.config.Default;
import io.pylon.data.Sample;
import io.pylon.data.transform.Transform;

/**
 * Crops the central window of {@code size}: along an axis of length {@code n} the window starts at
 * {@code floor((n - size) / 2)}, so the extra point of an odd difference is cut from the end. An axis
 * shorter than the crop is a data error naming the sample, or, with {@code pad_if_needed}, is padded
 * with constants, {@code floor((size - n) / 2)} points before and the rest after.
 *
 * @param size crop extents, one per spatial axis, each >= 1
 * @param padIfNeeded pad axes shorter than the crop instead of failing
 * @param paddingValue input value in padding
 * @param targetPaddingValue dense-target value in padding
 */
record CenterCrop(List<Integer> size, @Default("false") boolean padIfNeeded,
                  @Default("0") double paddingValue, @Default("0") double targetPaddingValue)
        implements Transform {

    static final String NAME = "center_crop";

    public CenterCrop {
        size = SpatialChecks.size(size, "size");
    }

    @Override
    public Sample apply(Sample sample, SplittableRandom random) {
        SpatialGrid grid = SpatialGrid.of(sample, NAME);
        int[] crop = grid.internal(size, "size", NAME, sample);
        int[] start = new int[3];
        for (int a = 0; a < 3; a++) {
            int n = grid.extent(a);
            if (n < crop[a] && !padIfNeeded) {
                throw SpatialGrid.failure(NAME, sample, "the input's spatial size " + grid
                        + " is smaller than the crop " + size + "; set pad_if_needed: true or crop smaller");
            }
            start[a] = n >= crop[a] ? (n - crop[a]) / 2 : -((crop[a] - n) / 2);
        }
        return Remap.window(sample, grid, start, crop, paddingValue, targetPaddingValue);
    }

    @Override
    public boolean isRandom() {
        return false;
    }
}
