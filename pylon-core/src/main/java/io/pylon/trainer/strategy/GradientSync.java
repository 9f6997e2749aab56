package io.pylon.trainer.strategy;

import io.pylon.engine.StepScope;
import io.pylon.optim.Optimizer;
import io.pylon.optim.ParamGroup;

/**
 * The data-parallel hook the loop calls after backward and before the optimizer step: every group's
 * flat gradient buffer (one contiguous tensor per group, so one collective per group rather than one
 * per parameter) is summed over the ranks and divided by the world size. With each rank's loss a mean
 * over its equal share of the batch, the result is the gradient of the mean loss over the whole batch.
 */
public final class GradientSync {

    private final ProcessGroup group;

    public GradientSync(ProcessGroup group) {
        this.group = group;
    }

    public void afterBackward(Optimizer optimizer) {
        double scale = 1.0 / group.env().worldSize();
        try (StepScope scope = new StepScope()) {
            for (ParamGroup paramGroup : optimizer.groups()) {
                group.allReduceSum(paramGroup.flatGrads());
                paramGroup.flatGrads().mul_(new org.bytedeco.pytorch.Scalar(scale));
            }
        }
    }
}
