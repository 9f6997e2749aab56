package io.pylon.data.augment;

import java.util.List;
import java.util.SplittableRandom;

import io.pylon.config.Default;
import io.pylon.config.InvalidValueException;
import io.pylon.data.Sample;
import io.pylon.data.transform.Transform;

/**
 * Elastic deformation, applied with probability {@code p}: output point {@code q} reads the input at
 * {@code q + u(q)}, where {@code u} is a smooth random displacement field ({@link BSplineField}): control
 * points every {@code spacing} points carry independent displacements uniform in {@code [-m, m]} per
 * component, with {@code m} drawn uniformly from the {@code magnitude} range (in points), and a cubic
 * B-spline interpolates them, so every component of {@code u} stays within {@code [-m, m]}. The input is
 * read as {@code mode} says, a dense target by nearest neighbour (dtype kept); points mapped from outside
 * the input read {@code padding_value} / {@code target_padding_value}.
 *
 * @param p probability of deforming, in [0, 1]
 * @param spacing control-point spacing in points: one entry for every spatial axis or one per axis, each >= 1
 * @param magnitude range of the maximum displacement {@code m} in points, {@code 0 <= min <= max <= 1000}
 * @param mode {@code linear} (output float32) or {@code nearest} for the input
 * @param paddingValue input value outside the source
 * @param targetPaddingValue dense-target value outside the source
 */
record Elastic(@Default("1.0") double p, @Default("[16]") List<Integer> spacing,
               @Default("[1, 4]") List<Double> magnitude, @Default("linear") Interpolation mode,
               @Default("0") double paddingValue, @Default("0") double targetPaddingValue)
        implements Transform {

    static final String NAME = "elastic";

    public Elastic {
        SpatialChecks.probability(p, "p");
        spacing = List.copyOf(spacing);
        InvalidValueException.require(spacing.size() >= 1 && spacing.size() <= 3, "spacing",
                "must have one entry (all axes) or one per spatial axis, got %s", spacing);
        for (int s : spacing) {
            InvalidValueException.require(s >= 1, "spacing", "entries must be >= 1, got %s", spacing);
        }
        magnitude = SpatialChecks.range(magnitude, "magnitude", 0, 1000);
    }

    @Override
    public Sample apply(Sample sample, SplittableRandom random) {
        if (random.nextDouble() >= p) {
            return sample;
        }
        SpatialGrid grid = SpatialGrid.of(sample, NAME);
        int[] step = spacing.size() == 1 ? new int[] {spacing.get(0), spacing.get(0), spacing.get(0)}
                : grid.internal(spacing, "spacing", NAME, sample);
        double m = SpatialChecks.draw(magnitude, 0, random);
        float[][] field = BSplineField.random(grid, step, m, random);
        return Remap.warp(sample, grid, grid, displaced(grid, field), mode, paddingValue, targetPaddingValue);
    }

    /** Grid coordinates plus the field ({@code field[0]} null for a 2D grid). */
    private static SourceRows displaced(SpatialGrid grid, float[][] field) {
        int h = grid.extent(1);
        int w = grid.extent(2);
        return (z, y, sz, sy, sx) -> {
            int at = (z * h + y) * w;
            for (int x = 0; x < w; x++) {
                if (sz != null) {
                    sz[x] = z + field[0][at + x];
                }
                sy[x] = y + field[1][at + x];
                sx[x] = x + field[2][at + x];
            }
        };
    }

    @Override
    public boolean isRandom() {
        return SpatialChecks.uncertain(p) || (p > 0 && magnitude.get(1) > 0);
    }
}
