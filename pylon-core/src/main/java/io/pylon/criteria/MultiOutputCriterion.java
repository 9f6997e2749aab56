package io.pylon.criteria;

import java.util.Map;

import org.bytedeco.pytorch.Tensor;

/**
 * A loss over several named model outputs (see {@code io.pylon.models.MultiOutputModel}) and named targets.
 * A batch with one target passes it as {@link #TARGET}; a loss looks a head's own target up first and falls
 * back to that one.
 */
public interface MultiOutputCriterion extends Criterion {

    /** The name of a batch's single target. */
    String TARGET = "target";

    Tensor apply(Map<String, Tensor> outputs, Map<String, Tensor> targets);
}
