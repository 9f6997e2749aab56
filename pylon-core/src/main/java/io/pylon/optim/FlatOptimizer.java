package io.pylon.optim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;

import io.pylon.engine.StepScope;
import io.pylon.engine.Tensors;

/**
 * Bookkeeping shared by the flat optimizers: the groups, the step count, the named per-group state
 * buffers and their checkpoint round trip. Subclasses only say how one group is updated.
 */
abstract sealed class FlatOptimizer implements Optimizer permits SgdOptimizer, AdamOptimizer {

    static final String STEP_KEY = "step";

    private final List<ParamGroup> groups;
    private final List<Map<String, Tensor>> state = new ArrayList<>();
    private long stepCount;

    FlatOptimizer(List<GroupSpec> specs, double lr) {
        if (specs.isEmpty()) {
            throw new IllegalArgumentException("an optimizer needs at least one parameter group");
        }
        this.groups = ParamGroup.flattenAll(specs, lr);
        for (int i = 0; i < groups.size(); i++) {
            state.add(new LinkedHashMap<>());
        }
    }

    /** Creates a zeroed state buffer shaped like group {@code group}'s flat parameters and registers it. */
    final Tensor newState(int group, String name) {
        Tensor buffer = torch.zeros_like(groups.get(group).flatParams());
        state.get(group).put(name, buffer);
        return buffer;
    }

    /**
     * Updates group {@code index} in place. Runs inside the step's scope: temporaries are freed after the
     * step, so anything that must outlive it has to be created up front with {@link #newState}.
     *
     * @param step the 1-based number of this update (used for bias correction and first-step rules)
     */
    abstract void update(int index, ParamGroup group, long step);

    @Override
    public final void step() {
        long next = stepCount + 1;
        try (StepScope scope = new StepScope(); NoGradGuard guard = new NoGradGuard()) {
            for (int i = 0; i < groups.size(); i++) {
                update(i, groups.get(i), next);
            }
        }
        stepCount = next;
    }

    @Override
    public final void zeroGrad() {
        try (StepScope scope = new StepScope()) {
            for (ParamGroup group : groups) {
                group.flatGrads().zero_();
            }
        }
    }

    @Override
    public final List<ParamGroup> groups() {
        return groups;
    }

    @Override
    public final long stepCount() {
        return stepCount;
    }

    @Override
    public final Map<String, Tensor> stateTensors() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        out.put(STEP_KEY, Tensors.fromLongs(new long[] {stepCount}));
        for (int i = 0; i < groups.size(); i++) {
            for (Map.Entry<String, Tensor> e : state.get(i).entrySet()) {
                out.put(key(i, e.getKey()), e.getValue());
            }
        }
        return Collections.unmodifiableMap(out);
    }

    @Override
    public final void loadStateTensors(Map<String, Tensor> incoming) {
        Map<String, Tensor> own = stateTensors();
        for (Map.Entry<String, Tensor> e : own.entrySet()) {
            Tensor given = incoming.get(e.getKey());
            if (given == null || !given.defined()) {
                throw new IllegalArgumentException("optimizer state '" + e.getKey() + "' is missing (expected "
                        + own.keySet() + ")");
            }
            if (given.numel() != e.getValue().numel()) {
                throw new IllegalArgumentException("optimizer state '" + e.getKey() + "' has " + given.numel()
                        + " elements but this optimizer's buffer has " + e.getValue().numel()
                        + "; the model or its parameter groups differ from the checkpoint's");
            }
        }
        Set<String> extra = new HashSet<>(incoming.keySet());
        extra.removeAll(own.keySet());
        if (!extra.isEmpty()) {
            String first = extra.stream().sorted().findFirst().orElseThrow();
            throw new IllegalArgumentException("optimizer state '" + first + "' is not a state of this optimizer"
                    + " (expected " + own.keySet() + "); was the checkpoint written by a different optimizer?");
        }
        long restoredStep = Tensors.toLongs(incoming.get(STEP_KEY))[0];
        if (restoredStep < 0) {
            throw new IllegalArgumentException("optimizer state 'step' must be >= 0, got " + restoredStep);
        }
        try (StepScope scope = new StepScope(); NoGradGuard guard = new NoGradGuard()) {
            for (int i = 0; i < groups.size(); i++) {
                for (Map.Entry<String, Tensor> e : state.get(i).entrySet()) {
                    Tensor source = incoming.get(key(i, e.getKey()));
                    e.getValue().copy_(source.reshape(-1));
                }
            }
        }
        stepCount = restoredStep;
    }

    private static String key(int group, String name) {
        return "group" + group + "." + name;
    }
}
