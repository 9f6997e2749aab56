package io.pylon.criteria;

import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;

/**
 * Mean squared error {@code mean (x - y)^2} of an output against a target of the same shape (cast to the
 * output's dtype); PyTorch's {@code F.mse_loss}. No parameters.
 */
public record Mse() implements Criterion {

    @Override
    public Tensor apply(Tensor output, Tensor target) {
        return torch.mse_loss(output, LossSupport.sameShapeTarget(output, target, "mse"));
    }
}
