package io.pylon.criteria.composite;

import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;

import io.pylon.criteria.Criterion;

/** A test criterion whose value is {@code value} (attached to the output's graph with zero gradient). */
record ConstantCriterion(double value) implements Criterion {

    @Override
    public Tensor apply(Tensor output, Tensor target) {
        return output.sum().mul(new Scalar(0.0)).add(new Scalar(value));
    }
}
