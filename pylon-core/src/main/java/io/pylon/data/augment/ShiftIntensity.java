package io.pylon.data.augment;

import java.util.List;
import java.util.SplittableRandom;

import io.pylon.config.Default;
import io.pylon.data.Sample;
import io.pylon.data.transform.Transform;

/**
 * {@code shift_intensity}: with probability {@code p}, adds one offset drawn uniformly from
 * {@code offset = [min, max]} to every input value (the same offset for all channels).
 *
 * @param offset [min, max] range of the offset, finite
 * @param p probability of applying, in [0, 1]
 */
record ShiftIntensity(@Default("[-0.1, 0.1]") List<Double> offset, @Default("1.0") double p)
        implements Transform {

    public ShiftIntensity {
        offset = IntensityMath.requireRange(offset, "offset", Double.NEGATIVE_INFINITY);
        IntensityMath.requireProbability(p, "p");
    }

    @Override
    public Sample apply(Sample sample, SplittableRandom random) {
        return IntensityMath.withDrawnValue(sample, random, p, offset, (v, d) -> v + d);
    }
}
