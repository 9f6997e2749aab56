package io.pylon.data.transform;

import org.bytedeco.pytorch.Tensor;

/** Returns the sample unchanged: the neutral element, and a way to switch a configured transform off. */
public record Identity() implements Transform {

    @Override
    public Tensor apply(Tensor sample, long seed) {
        return sample;
    }
}
