package io.pylon.optim;

import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;

/**
 * The Adam moment update and parameter step over one group's flat buffers, shared by Adam and AdamW
 * (they differ only in how weight decay enters). Follows PyTorch's op order so results agree to rounding:
 *
 * <pre>
 *   m = lerp(m, g, 1 - beta1)
 *   v = beta2 * v + (1 - beta2) * g * g
 *   v_max = max(v_max, v)                          (amsgrad only; used instead of v below)
 *   denom = sqrt(v) / sqrt(1 - beta2^t) + eps
 *   p = p - lr / (1 - beta1^t) * m / denom
 * </pre>
 */
final class AdamMoments {

    private final AdamSettings settings;
    private final Tensor expAvg;
    private final Tensor expAvgSq;
    private final Tensor maxExpAvgSq;
    // Reused every step so the denominator does not allocate a group-sized tensor per update.
    private final Tensor denom;

    AdamMoments(AdamSettings settings, Tensor expAvg, Tensor expAvgSq, Tensor maxExpAvgSq, Tensor denom) {
        this.settings = settings;
        this.expAvg = expAvg;
        this.expAvgSq = expAvgSq;
        this.maxExpAvgSq = maxExpAvgSq;
        this.denom = denom;
    }

    /** Registers the state buffers of group {@code index} on {@code optimizer}. */
    static AdamMoments create(FlatOptimizer optimizer, int index, AdamSettings settings) {
        Tensor expAvg = optimizer.newState(index, "exp_avg");
        Tensor expAvgSq = optimizer.newState(index, "exp_avg_sq");
        Tensor max = settings.amsgrad() ? optimizer.newState(index, "max_exp_avg_sq") : null;
        Tensor denom = torch.empty_like(expAvg);
        return new AdamMoments(settings, expAvg, expAvgSq, max, denom);
    }

    void apply(Tensor param, Tensor grad, double lr, long step) {
        double beta1 = settings.beta1();
        double beta2 = settings.beta2();
        expAvg.lerp_(grad, new Scalar(1 - beta1));
        expAvgSq.mul_(new Scalar(beta2)).addcmul_(grad, grad, new Scalar(1 - beta2));
        double biasCorrection1 = 1 - Math.pow(beta1, step);
        double biasCorrection2 = 1 - Math.pow(beta2, step);
        Tensor second = expAvgSq;
        if (maxExpAvgSq != null) {
            torch.maximum_out(maxExpAvgSq, maxExpAvgSq, expAvgSq);
            second = maxExpAvgSq;
        }
        torch.sqrt_out(denom, second);
        denom.div_(new Scalar(Math.sqrt(biasCorrection2))).add_(new Scalar(settings.eps()));
        param.addcdiv_(expAvg, denom, new Scalar(-lr / biasCorrection1));
    }
}
