package io.pylon.data.augment;

import java.util.List;
import java.util.SplittableRandom;

import io.pylon.config.Default;
import io.pylon.data.Sample;
import io.pylon.data.transform.Transform;

/**
 * {@code gaussian_noise}: with probability {@code p}, adds independent noise {@code n ~ N(mean, sigma^2)} to
 * every input value, with {@code sigma} the fixed {@code std} or drawn once per sample uniformly from the
 * {@code std} range (like MONAI {@code RandGaussianNoise(sample_std=True)} with a range).
 *
 * @param mean noise mean, finite
 * @param std one standard deviation [s] or a [min, max] range, all &gt;= 0
 * @param p probability of applying, in [0, 1]
 */
record GaussianNoise(@Default("0.0") double mean, @Default("[0.1]") List<Double> std,
                     @Default("1.0") double p) implements Transform {

    public GaussianNoise {
        IntensityMath.requireFinite(mean, "mean");
        std = IntensityMath.requireValueOrRange(std, "std", 0);
        IntensityMath.requireProbability(p, "p");
    }

    @Override
    public Sample apply(Sample sample, SplittableRandom random) {
        if (!IntensityMath.applies(p, random)) {
            return IntensityMath.asFloat32(sample);
        }
        double sigma = IntensityMath.draw(std, random);
        float[] values = sample.input().toFloats();
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (values[i] + mean + sigma * random.nextGaussian());
        }
        return IntensityMath.withValues(sample, values);
    }
}
