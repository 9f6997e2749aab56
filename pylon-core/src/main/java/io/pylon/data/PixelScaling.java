package io.pylon.data;

import java.util.SplittableRandom;

import io.pylon.data.array.NdArray;
import io.pylon.data.transform.Transform;

/**
 * 8-bit pixels to float32: {@code (x / 255 - mean) / std}. A built-in dataset's own decoding step, so its
 * configured transforms see the same values as its in-memory loader produces.
 *
 * @param mean subtracted after scaling to [0, 1]
 * @param std divides after subtracting the mean, > 0
 */
record PixelScaling(double mean, double std) implements Transform {

    PixelScaling {
        if (!(std > 0)) {
            throw new IllegalArgumentException("std must be > 0, got " + std);
        }
    }

    @Override
    public Sample apply(Sample sample, SplittableRandom random) {
        float[] values = sample.input().toFloats();
        float scale = (float) (1 / (255 * std));
        float shift = (float) (mean / std);
        for (int i = 0; i < values.length; i++) {
            values[i] = values[i] * scale - shift;
        }
        return sample.withInput(NdArray.of(values, sample.input().shape()));
    }

    @Override
    public boolean isRandom() {
        return false;
    }
}
