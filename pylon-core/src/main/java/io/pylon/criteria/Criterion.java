package io.pylon.criteria;

import org.bytedeco.pytorch.Tensor;

/** A differentiable loss of a model output against a target; returns a scalar tensor. */
@FunctionalInterface
public interface Criterion {

    Tensor apply(Tensor output, Tensor target);
}
