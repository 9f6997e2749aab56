package io.pylon.optim;

import java.util.ArrayList;
import java.util.List;

import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;

/**
 * AdamW: Adam with decoupled weight decay, matching {@code torch.optim.AdamW}. Per group at step t
 * (1-based):
 *
 * <pre>
 *   p = p * (1 - lr * weight_decay)
 *   m = beta1 * m + (1 - beta1) * g
 *   v = beta2 * v + (1 - beta2) * g^2
 *   p = p - lr / (1 - beta1^t) * m / (sqrt(v) / sqrt(1 - beta2^t) + eps)
 * </pre>
 *
 * With amsgrad, v in the last line is the running maximum of v.
 */
public final class AdamWOptimizer extends FlatOptimizer {

    private final AdamSettings settings;
    private final List<AdamMoments> moments = new ArrayList<>();

    public AdamWOptimizer(List<GroupSpec> specs, double lr, AdamSettings settings) {
        super(specs, lr);
        this.settings = settings;
        for (int i = 0; i < groups().size(); i++) {
            moments.add(AdamMoments.create(this, i, settings));
        }
    }

    public AdamSettings settings() {
        return settings;
    }

    @Override
    void update(int index, ParamGroup group, long step) {
        Tensor p = group.flatParams();
        if (group.weightDecay() != 0) {
            p.mul_(new Scalar(1 - group.lr() * group.weightDecay()));
        }
        moments.get(index).apply(p, group.flatGrads(), group.lr(), step);
    }
}
