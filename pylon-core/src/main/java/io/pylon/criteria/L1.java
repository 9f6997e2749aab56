package io.pylon.criteria;

import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;

/**
 * Mean absolute error {@code mean |x - y|} of an output against a target of the same shape (cast to the
 * output's dtype); PyTorch's {@code F.l1_loss}. No parameters.
 */
record L1() implements Criterion {

    @Override
    public Tensor apply(Tensor output, Tensor target) {
        return torch.l1_loss(output, LossSupport.sameShapeTarget(output, target, "l1"));
    }
}
