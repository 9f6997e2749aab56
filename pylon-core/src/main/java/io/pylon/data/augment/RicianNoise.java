package io.pylon.data.augment;

import java.util.List;
import java.util.SplittableRandom;

import io.pylon.config.Default;
import io.pylon.data.Sample;
import io.pylon.data.transform.Transform;

/**
 * {@code rician_noise}: with probability {@code p}, the magnitude noise of MR images (like MONAI
 * {@code RandRicianNoise}): every value becomes
 * <pre>
 *   x' = sqrt((x + n1)^2 + n2^2),   n1, n2 ~ N(0, sigma^2) independent
 * </pre>
 * with {@code sigma} the fixed {@code std} or drawn once per sample from the {@code std} range. On a zero
 * image the result is Rayleigh distributed with mean {@code sigma * sqrt(pi / 2)}.
 *
 * @param std one standard deviation [s] or a [min, max] range, all &gt;= 0
 * @param p probability of applying, in [0, 1]
 */
record RicianNoise(@Default("[0.1]") List<Double> std, @Default("1.0") double p) implements Transform {

    public RicianNoise {
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
            double real = values[i] + sigma * random.nextGaussian();
            double imaginary = sigma * random.nextGaussian();
            values[i] = (float) Math.sqrt(real * real + imaginary * imaginary);
        }
        return IntensityMath.withValues(sample, values);
    }
}
