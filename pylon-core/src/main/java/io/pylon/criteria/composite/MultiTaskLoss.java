package io.pylon.criteria.composite;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;

import io.pylon.criteria.MultiOutputCriterion;

/**
 * A weighted sum over named heads: {@code L = sum_h w_h criterion_h(outputs[h], targets[h])}. Every head
 * needs an output and a target (its own, else the batch's single {@code target}; extra entries in either map
 * are ignored); a missing one is an
 * {@link IllegalArgumentException} naming the head. As a plain {@link io.pylon.criteria.Criterion} (one output
 * tensor) it only accepts a single head.
 */
public final class MultiTaskLoss implements ScheduledCriterion, MultiOutputCriterion {

    private final Map<String, TaskHead> heads;

    /** @param heads at least one, in the order of summation */
    public MultiTaskLoss(Map<String, TaskHead> heads) {
        if (heads.isEmpty()) {
            throw new IllegalArgumentException("a multi-task loss needs at least one head");
        }
        this.heads = Collections.unmodifiableMap(new LinkedHashMap<>(heads));
    }

    public Map<String, TaskHead> heads() {
        return heads;
    }

    /** A head without a target of its own uses the batch's single target ({@link #TARGET}), if there is one. */
    @Override
    public Tensor apply(Map<String, Tensor> outputs, Map<String, Tensor> targets) {
        Tensor total = null;
        for (Map.Entry<String, TaskHead> entry : heads.entrySet()) {
            String name = entry.getKey();
            Tensor output = outputs.get(name);
            if (output == null) {
                throw new IllegalArgumentException("multi-task loss: the model gave no output for head '" + name
                        + "' (outputs: " + outputs.keySet() + ", heads: " + heads.keySet() + ")");
            }
            Tensor target = targets.containsKey(name) ? targets.get(name) : targets.get(TARGET);
            if (target == null) {
                throw new IllegalArgumentException("multi-task loss: the batch has no target for head '" + name
                        + "' (targets: " + targets.keySet() + ", heads: " + heads.keySet() + ")");
            }
            Tensor term = entry.getValue().criterion().apply(output, target)
                    .mul(new Scalar(entry.getValue().weight()));
            total = total == null ? term : total.add(term);
        }
        return total;
    }

    /** One output tensor: allowed only with a single head. */
    @Override
    public Tensor apply(Tensor output, Tensor target) {
        if (heads.size() != 1) {
            throw new IllegalArgumentException("multi-task loss with heads " + heads.keySet()
                    + " needs named outputs and targets: call apply(Map, Map)");
        }
        String name = heads.keySet().iterator().next();
        return apply(Map.of(name, output), Map.of(name, target));
    }

    @Override
    public void onStep(long step, int epoch) {
        for (TaskHead head : heads.values()) {
            if (head.criterion() instanceof ScheduledCriterion scheduled) {
                scheduled.onStep(step, epoch);
            }
        }
    }

    /** The weight of each head. */
    public Map<String, Double> weights() {
        Map<String, Double> weights = new LinkedHashMap<>();
        heads.forEach((name, head) -> weights.put(name, head.weight()));
        return Collections.unmodifiableMap(weights);
    }
}
