package io.pylon.criteria;

import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;

import io.pylon.config.Default;
import io.pylon.config.InvalidValueException;

/**
 * Smooth L1 (Huber-like) loss of an output against a target of the same shape, mean over elements; PyTorch's
 * {@code F.smooth_l1_loss(x, y, beta=beta)}. With d = |x - y|:
 * <pre>
 *   l = 0.5 d^2 / beta   if d &lt; beta,    d - 0.5 beta   otherwise
 * </pre>
 *
 * @param beta switch point between the quadratic and the linear part, finite and &gt; 0
 */
record SmoothL1(@Default("1.0") double beta) implements Criterion {

    private static final long MEAN = 1;

    public SmoothL1 {
        InvalidValueException.require(beta > 0 && Double.isFinite(beta), "beta", "must be finite and > 0, got %s",
                beta);
    }

    @Override
    public Tensor apply(Tensor output, Tensor target) {
        return torch.smooth_l1_loss(output, LossSupport.sameShapeTarget(output, target, "smooth_l1"), MEAN, beta);
    }
}
