package io.pylon.data.augment;

import java.util.Arrays;
import java.util.SplittableRandom;

import io.pylon.data.Sample;
import io.pylon.data.array.DType;
import io.pylon.data.array.NdArray;
import io.pylon.data.transform.Transform;

/** Sample builders for the intensity transform tests. */
final class IntensitySamples {

    private IntensitySamples() {
    }

    /** A sample whose input has {@code values} under {@code shape} and whose target is class 3. */
    static Sample of(float[] values, long... shape) {
        return Sample.classified(7, NdArray.of(values, shape), 3);
    }

    /** Uniform random values in [0, 1) under {@code shape}, with a dense uint8 label map over its grid. */
    static Sample random(long seed, long... shape) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] values = new float[Math.toIntExact(NdArray.count(shape))];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextDouble();
        }
        long[] spatial = Arrays.copyOfRange(shape, 1, shape.length);
        byte[] labels = new byte[Math.toIntExact(NdArray.count(spatial))];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = (byte) random.nextInt(4);
        }
        return Sample.segmented(11, NdArray.of(values, shape), NdArray.of(labels, DType.UINT8, spatial));
    }

    static Sample constant(float value, long... shape) {
        float[] values = new float[Math.toIntExact(NdArray.count(shape))];
        Arrays.fill(values, value);
        return of(values, shape);
    }

    static float[] apply(Transform transform, Sample sample, long seed) {
        Sample out = transform.apply(sample, new SplittableRandom(seed));
        return out.input().toFloats();
    }

    static double mean(float[] values) {
        double sum = 0;
        for (float v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    static double std(float[] values) {
        double m = mean(values);
        double sum = 0;
        for (float v : values) {
            sum += (v - m) * (v - m);
        }
        return Math.sqrt(sum / values.length);
    }
}
