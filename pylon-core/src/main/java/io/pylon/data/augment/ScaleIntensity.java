package io.pylon.data.augment;

import java.util.List;
import java.util.SplittableRandom;

import io.pylon.config.Default;
import io.pylon.data.Sample;
import io.pylon.data.transform.Transform;

/**
 * {@code scale_intensity}: with probability {@code p}, multiplies every input value by one factor drawn
 * uniformly from {@code factor = [min, max]} (the same factor for all channels).
 *
 * @param factor [min, max] range of the factor, finite
 * @param p probability of applying, in [0, 1]
 */
record ScaleIntensity(@Default("[0.9, 1.1]") List<Double> factor, @Default("1.0") double p)
        implements Transform {

    public ScaleIntensity {
        factor = IntensityMath.requireRange(factor, "factor", Double.NEGATIVE_INFINITY);
        IntensityMath.requireProbability(p, "p");
    }

    @Override
    public Sample apply(Sample sample, SplittableRandom random) {
        return IntensityMath.withDrawnValue(sample, random, p, factor, (v, f) -> v * f);
    }
}
