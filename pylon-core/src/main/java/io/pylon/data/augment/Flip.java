package io.pylon.data.augment;

import java.util.List;
import java.util.SplittableRandom;

import io.pylon.config.Default;
import io.pylon.data.Sample;
import io.pylon.data.transform.Transform;

/**
 * Mirrors the sample along spatial axes, each independently with probability {@code p}: index {@code i} of a
 * flipped axis of length {@code n} moves to {@code n - 1 - i}. The input and a dense target move together
 * and keep their dtypes.
 *
 * @param axes spatial axes (0-based among the spatial dimensions, channels excluded); empty = all of them
 * @param p probability of flipping each axis, in [0, 1]
 */
record Flip(@Default("[]") List<Integer> axes, @Default("0.5") double p) implements Transform {

    static final String NAME = "flip";

    public Flip {
        axes = SpatialChecks.axes(axes, "axes");
        SpatialChecks.probability(p, "p");
    }

    @Override
    public Sample apply(Sample sample, SplittableRandom random) {
        SpatialGrid grid = SpatialGrid.of(sample, NAME);
        for (int spatial : axes) {
            grid.requireAxis(spatial, "axes", NAME, sample);
        }
        int[][] tables = IndexMaps.identities(grid);
        boolean any = false;
        for (int spatial = 0; spatial < grid.dims(); spatial++) {
            if (!axes.isEmpty() && !axes.contains(spatial)) {
                continue;
            }
            int axis = grid.axis(spatial);
            if (random.nextDouble() < p) {
                tables[axis] = IndexMaps.reversed(grid.extent(axis));
                any = true;
            }
        }
        return any ? Remap.gather(sample, grid, grid, IndexMaps.separable(grid, tables), 0, 0) : sample;
    }

    @Override
    public boolean isRandom() {
        return SpatialChecks.uncertain(p);
    }
}
