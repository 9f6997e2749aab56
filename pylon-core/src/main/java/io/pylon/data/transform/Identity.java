package io.pylon.data.transform;

import java.util.SplittableRandom;

import io.pylon.data.Sample;

/** Returns the sample unchanged: the neutral element, and a way to switch a configured transform off. */
public record Identity() implements Transform {

    @Override
    public Sample apply(Sample sample, SplittableRandom random) {
        return sample;
    }

    @Override
    public boolean isRandom() {
        return false;
    }
}
