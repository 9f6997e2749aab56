package io.pylon.data.augment;

import java.util.List;
import java.util.OptionalInt;
import java.util.SplittableRandom;

import io.pylon.config.Default;
import io.pylon.config.InvalidValueException;
import io.pylon.data.Sample;
import io.pylon.data.transform.Transform;

/**
 * Rotates the sample by {@code k} quarter turns in the plane of two spatial axes {@code (a, b)}, as numpy's
 * {@code np.rot90(m, k, axes=(a, b))}: one turn maps output index {@code (i_a, i_b)} to source index
 * {@code (a: i_b, b: n_b - 1 - i_a)} (counter-clockwise as displayed with rows down, for a 2D
 * {@code (H, W)} image). A non-square plane swaps its two extents. With probability {@code p} the sample is
 * rotated, by the fixed {@code k} or by k drawn uniformly from {1, 2, 3}; otherwise it passes unchanged.
 *
 * @param plane two distinct spatial axes (0-based, channels excluded); empty = the last two
 * @param p probability of rotating, in [0, 1]
 * @param k fixed number of quarter turns, 1 to 3; absent = drawn
 */
record Rot90(@Default("[]") List<Integer> plane, @Default("0.5") double p, OptionalInt k) implements Transform {

    static final String NAME = "rot90";

    public Rot90 {
        plane = SpatialChecks.axes(plane, "plane");
        InvalidValueException.require(plane.isEmpty() || plane.size() == 2, "plane",
                "must name two spatial axes (or be empty for the last two), got %s", plane);
        SpatialChecks.probability(p, "p");
        InvalidValueException.require(k.isEmpty() || (k.getAsInt() >= 1 && k.getAsInt() <= 3), "k",
                "must be 1, 2 or 3 quarter turns (or absent to draw one), got %s", k);
    }

    @Override
    public Sample apply(Sample sample, SplittableRandom random) {
        SpatialGrid grid = SpatialGrid.of(sample, NAME);
        int a = grid.requireAxis(plane.isEmpty() ? grid.dims() - 2 : plane.get(0), "plane", NAME, sample);
        int b = grid.requireAxis(plane.isEmpty() ? grid.dims() - 1 : plane.get(1), "plane", NAME, sample);
        if (random.nextDouble() >= p) {
            return sample;
        }
        int turns = k.isPresent() ? k.getAsInt() : 1 + random.nextInt(3);
        return rotate(sample, grid, a, b, turns);
    }

    /** {@code turns} quarter turns (1 to 3) in the plane of internal axes {@code (a, b)}. */
    static Sample rotate(Sample sample, SpatialGrid grid, int a, int b, int turns) {
        int[] from = {0, 1, 2};
        int[][] tables = IndexMaps.identities(grid);
        int na = grid.extent(a);
        int nb = grid.extent(b);
        switch (turns) {
            case 1 -> {
                from[a] = b;
                from[b] = a;
                tables[a] = IndexMaps.reversed(nb);
                tables[b] = IndexMaps.identity(na);
            }
            case 2 -> {
                tables[a] = IndexMaps.reversed(na);
                tables[b] = IndexMaps.reversed(nb);
            }
            case 3 -> {
                from[a] = b;
                from[b] = a;
                tables[a] = IndexMaps.identity(nb);
                tables[b] = IndexMaps.reversed(na);
            }
            default -> throw new IllegalArgumentException("quarter turns must be 1 to 3, got " + turns);
        }
        SpatialGrid out = grid.with(IndexMaps.extents(tables));
        return Remap.gather(sample, grid, out, IndexMaps.separable(grid, from, tables), 0, 0);
    }

    @Override
    public boolean isRandom() {
        return SpatialChecks.uncertain(p) || (p > 0 && k.isEmpty());
    }
}
