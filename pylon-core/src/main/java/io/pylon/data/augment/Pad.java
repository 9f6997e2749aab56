package io.pylon.data.augment;

import java.util.List;
import java.util.SplittableRandom;

import io.pylon.config.Default;
import io.pylon.config.InvalidValueException;
import io.pylon.data.Sample;
import io.pylon.data.transform.Transform;

/**
 * Pads the spatial axes, either up to a minimum {@code size} (an axis shorter by {@code s} gets
 * {@code floor(s / 2)} points before and the rest after; longer axes are left alone) or by {@code amounts}:
 * one entry (every side of every axis), one per spatial axis (both sides), or a {@code before, after} pair
 * per spatial axis. {@code mode} says what the padding holds: constants ({@code padding_value} for the input,
 * {@code target_padding_value} for a dense target), the border value ({@code edge}) or a mirror image
 * without repeating the border ({@code reflect}); dtypes are kept.
 *
 * @param size minimum extent per spatial axis (each >= 1); empty when {@code amounts} is given
 * @param amounts padding amounts (each >= 0) as described; empty when {@code size} is given
 * @param mode {@code constant}, {@code edge} or {@code reflect}
 * @param paddingValue input value of constant padding
 * @param targetPaddingValue dense-target value of constant padding
 */
record Pad(@Default("[]") List<Integer> size, @Default("[]") List<Integer> amounts,
           @Default("constant") PadMode mode, @Default("0") double paddingValue,
           @Default("0") double targetPaddingValue) implements Transform {

    static final String NAME = "pad";

    public Pad {
        size = List.copyOf(size);
        amounts = List.copyOf(amounts);
        InvalidValueException.require(size.isEmpty() != amounts.isEmpty(), "size",
                "give exactly one of size (pad up to) and amounts (pad by), got size %s and amounts %s", size,
                amounts);
        if (!size.isEmpty()) {
            SpatialChecks.size(size, "size");
        }
        InvalidValueException.require(amounts.size() <= 6, "amounts",
                "must have 1 entry, one per spatial axis, or a (before, after) pair per spatial axis, got %s",
                amounts);
        for (int a : amounts) {
            InvalidValueException.require(a >= 0, "amounts", "entries must be >= 0, got %s", amounts);
        }
    }

    @Override
    public Sample apply(Sample sample, SplittableRandom random) {
        SpatialGrid grid = SpatialGrid.of(sample, NAME);
        int[] before = new int[3];
        int[] after = new int[3];
        if (!size.isEmpty()) {
            int[] target = grid.internal(size, "size", NAME, sample);
            for (int a = 0; a < 3; a++) {
                int shortfall = Math.max(0, target[a] - grid.extent(a));
                before[a] = shortfall / 2;
                after[a] = shortfall - before[a];
            }
        } else {
            amounts(grid, sample, before, after);
        }
        int[][] tables = new int[3][];
        boolean any = false;
        for (int a = 0; a < 3; a++) {
            int n = grid.extent(a);
            tables[a] = IndexMaps.window(n, -before[a], n + before[a] + after[a], mode);
            any |= before[a] + after[a] > 0;
        }
        if (!any) {
            return sample;
        }
        SpatialGrid out = grid.with(IndexMaps.extents(tables));
        return Remap.gather(sample, grid, out, IndexMaps.separable(grid, tables), paddingValue, targetPaddingValue);
    }

    private void amounts(SpatialGrid grid, Sample sample, int[] before, int[] after) {
        int dims = grid.dims();
        if (amounts.size() != 1 && amounts.size() != dims && amounts.size() != 2 * dims) {
            throw SpatialGrid.failure(NAME, sample, "amounts " + amounts + " must have 1, " + dims + " or "
                    + 2 * dims + " entries for a sample with " + dims + " spatial dimensions " + grid);
        }
        for (int spatial = 0; spatial < dims; spatial++) {
            int axis = grid.axis(spatial);
            if (amounts.size() == 2 * dims) {
                before[axis] = amounts.get(2 * spatial);
                after[axis] = amounts.get(2 * spatial + 1);
            } else {
                before[axis] = amounts.get(amounts.size() == 1 ? 0 : spatial);
                after[axis] = before[axis];
            }
        }
    }

    @Override
    public boolean isRandom() {
        return false;
    }
}
