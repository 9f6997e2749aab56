package io.pylon.optim;

import java.util.List;
import java.util.Map;

import org.bytedeco.pytorch.Tensor;

/**
 * Updates a model's parameters from their gradients, group by group. The parameters are views into
 * each group's {@link ParamGroup#flatParams()}, and their gradients views into
 * {@link ParamGroup#flatGrads()}, so the optimizer owns the storage: clear gradients with
 * {@link #zeroGrad()}, never by setting them to none (that would detach them from the flat buffer).
 */
public interface Optimizer {

    /** One update of every group with that group's current learning rate. */
    void step();

    /** Zeroes every flat gradient buffer in place; the per-parameter gradient views stay valid. */
    void zeroGrad();

    List<ParamGroup> groups();

    /**
     * Every state tensor under a stable name ({@code "step"}, {@code "group0.exp_avg"} ...), for
     * checkpoints. The tensors are the live buffers (or, for the step count, a fresh CPU tensor).
     */
    Map<String, Tensor> stateTensors();

    /**
     * Copies {@code state} into the existing buffers. Every name of {@link #stateTensors()} must be present
     * with the same number of elements and no other name may appear; otherwise an
     * {@link IllegalArgumentException} names the offending key and nothing is changed.
     */
    void loadStateTensors(Map<String, Tensor> state);

    /** Number of completed {@link #step()} calls (restored by {@link #loadStateTensors}). */
    long stepCount();
}
