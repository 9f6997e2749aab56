package io.pylon.criteria.composite;

import org.bytedeco.pytorch.Tensor;

import io.pylon.criteria.Criterion;

/** A test criterion: {@code mean((output - target)^2)}. */
record SquaredError() implements Criterion {

    @Override
    public Tensor apply(Tensor output, Tensor target) {
        Tensor diff = output.sub(target.to(output.scalar_type()));
        return diff.mul(diff).mean();
    }
}
