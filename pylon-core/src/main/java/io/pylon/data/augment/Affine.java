package io.pylon.data.augment;

import java.util.List;
import java.util.SplittableRandom;

import io.pylon.config.Default;
import io.pylon.config.InvalidValueException;
import io.pylon.data.Sample;
import io.pylon.data.transform.Transform;

/**
 * A random affine warp about the grid centre, applied with probability {@code p}; the output grid equals the
 * input grid. Each parameter is drawn uniformly from its {@code [min, max]} range: rotation angles (2D one
 * angle; 3D one per spatial axis, drawn from the same range, or from three ranges given as six numbers
 * {@code [min0, max0, min1, max1, min2, max2]}), one isotropic scale factor, one shear angle per axis pair,
 * and a shift per spatial axis as a fraction of that axis's extent. See {@link AffineMatrix} for the
 * conventions (a positive 90° rotation equals {@link Rot90} with one turn in the same plane).
 *
 * <p>Output points are filled by inverse mapping: the input is read as {@code mode} says, a dense target by
 * nearest neighbour (dtype kept). Points mapped from outside the input read {@code padding_value} (input)
 * and {@code target_padding_value} (dense target).
 *
 * @param p probability of warping, in [0, 1]
 * @param rotate rotation range(s) in degrees, within [-360, 360]
 * @param scale scale range, factors > 0 (above 1 enlarges the content)
 * @param shear shear-angle range in degrees, inside (-90, 90)
 * @param translate shift range as a fraction of each axis's extent, within [-1, 1]
 * @param mode {@code linear} (output float32) or {@code nearest} for the input
 * @param paddingValue input value outside the source
 * @param targetPaddingValue dense-target value outside the source
 */
record Affine(@Default("1.0") double p, @Default("[0, 0]") List<Double> rotate,
              @Default("[1, 1]") List<Double> scale, @Default("[0, 0]") List<Double> shear,
              @Default("[0, 0]") List<Double> translate, @Default("linear") Interpolation mode,
              @Default("0") double paddingValue, @Default("0") double targetPaddingValue)
        implements Transform {

    static final String NAME = "affine";

    public Affine {
        SpatialChecks.probability(p, "p");
        rotate = List.copyOf(rotate);
        InvalidValueException.require(rotate.size() == 2 || rotate.size() == 6, "rotate",
                "must be a range [min, max] or three ranges [min0, max0, min1, max1, min2, max2] (3D), got %s",
                rotate);
        SpatialChecks.pairs(rotate, "rotate", -360, 360);
        scale = SpatialChecks.range(scale, "scale", 0, Double.MAX_VALUE);
        InvalidValueException.require(scale.get(0) > 0, "scale", "factors must be > 0, got %s", scale);
        shear = SpatialChecks.range(shear, "shear", -90, 90);
        InvalidValueException.require(shear.get(0) > -90 && shear.get(1) < 90, "shear",
                "angles must lie strictly inside (-90, 90) degrees, got %s", shear);
        translate = SpatialChecks.range(translate, "translate", -1, 1);
    }

    @Override
    public Sample apply(Sample sample, SplittableRandom random) {
        if (random.nextDouble() >= p) {
            return sample;
        }
        SpatialGrid grid = SpatialGrid.of(sample, NAME);
        int dims = grid.dims();
        if (rotate.size() == 6 && dims == 2) {
            throw SpatialGrid.failure(NAME, sample, "rotate " + rotate + " gives three rotation ranges, which "
                    + "need a 3D sample, but this one is 2D " + grid + "; give one range [min, max]");
        }
        double[] angles = new double[dims == 2 ? 1 : 3];
        for (int i = 0; i < angles.length; i++) {
            angles[i] = SpatialChecks.draw(rotate, rotate.size() == 6 ? 2 * i : 0, random);
        }
        double factor = SpatialChecks.draw(scale, 0, random);
        double[] shears = new double[dims == 2 ? 1 : 3];
        for (int i = 0; i < shears.length; i++) {
            shears[i] = SpatialChecks.draw(shear, 0, random);
        }
        double[] shift = new double[3];
        for (int spatial = 0; spatial < dims; spatial++) {
            int axis = grid.axis(spatial);
            shift[axis] = SpatialChecks.draw(translate, 0, random) * grid.extent(axis);
        }
        return warp(sample, grid, AffineMatrix.forward(dims, angles, shears, factor), shift);
    }

    /** The sample under forward matrix {@code m} and shift {@code t} (internal axes, in points). */
    Sample warp(Sample sample, SpatialGrid grid, double[][] m, double[] t) {
        return Remap.warp(sample, grid, grid, AffineMatrix.sourceRows(grid, m, t), mode, paddingValue,
                targetPaddingValue);
    }

    @Override
    public boolean isRandom() {
        boolean fixed = SpatialChecks.fixed(rotate) && SpatialChecks.fixed(scale) && SpatialChecks.fixed(shear)
                && SpatialChecks.fixed(translate);
        return SpatialChecks.uncertain(p) || (p > 0 && !fixed);
    }
}
