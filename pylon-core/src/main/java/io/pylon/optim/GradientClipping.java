package io.pylon.optim;

import java.util.List;

import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.ScalarOptional;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;

import io.pylon.engine.StepScope;

/** Gradient clipping over an optimizer's flat gradient buffers (one kernel per group, not per parameter). */
public final class GradientClipping {

    /** Same guard against a zero norm as {@code torch.nn.utils.clip_grad_norm_}. */
    private static final double NORM_EPS = 1e-6;

    private GradientClipping() {
    }

    /**
     * Scales every gradient by {@code min(1, maxNorm / (total + 1e-6))}, where total is the L2 norm of all
     * gradients of all groups together, as {@code clip_grad_norm_} does. The scaling happens on the device
     * without a branch, so a non-finite norm propagates into the gradients just as in PyTorch.
     *
     * @return the total norm before clipping (one device sync)
     */
    public static double clipNorm(Optimizer optimizer, double maxNorm) {
        if (!(maxNorm > 0) || Double.isInfinite(maxNorm)) {
            throw new IllegalArgumentException("max gradient norm must be finite and > 0, got " + maxNorm);
        }
        List<ParamGroup> groups = optimizer.groups();
        try (StepScope scope = new StepScope(); NoGradGuard guard = new NoGradGuard()) {
            TensorVector norms = new TensorVector();
            for (ParamGroup group : groups) {
                norms.push_back(group.flatGrads().norm());
            }
            Tensor total = torch.stack(norms).norm();
            Tensor coefficient = total.add(new Scalar(NORM_EPS)).reciprocal().mul_(new Scalar(maxNorm))
                    .clamp_max_(new Scalar(1.0));
            for (ParamGroup group : groups) {
                group.flatGrads().mul_(coefficient);
            }
            return total.item_double();
        }
    }

    /** Clamps every gradient element to {@code [-clip, clip]}. */
    public static void clipValue(Optimizer optimizer, double clip) {
        if (!(clip > 0) || Double.isInfinite(clip)) {
            throw new IllegalArgumentException("gradient clip value must be finite and > 0, got " + clip);
        }
        try (StepScope scope = new StepScope(); NoGradGuard guard = new NoGradGuard()) {
            for (ParamGroup group : optimizer.groups()) {
                group.flatGrads().clamp_(new ScalarOptional(new Scalar(-clip)), new ScalarOptional(new Scalar(clip)));
            }
        }
    }
}
