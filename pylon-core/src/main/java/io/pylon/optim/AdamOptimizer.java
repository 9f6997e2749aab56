package io.pylon.optim;

import java.util.ArrayList;
import java.util.List;

import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;

/**
 * Adam with L2 weight decay folded into the gradient, matching {@code torch.optim.Adam}. Per group at
 * step t (1-based):
 *
 * <pre>
 *   g = g + weight_decay * p
 *   m = beta1 * m + (1 - beta1) * g
 *   v = beta2 * v + (1 - beta2) * g^2
 *   p = p - lr / (1 - beta1^t) * m / (sqrt(v) / sqrt(1 - beta2^t) + eps)
 * </pre>
 *
 * With amsgrad, v in the last line is the running maximum of v.
 */
public final class AdamOptimizer extends FlatOptimizer {

    private final AdamSettings settings;
    private final List<AdamMoments> moments = new ArrayList<>();

    public AdamOptimizer(List<GroupSpec> specs, double lr, AdamSettings settings) {
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
        Tensor g = group.flatGrads();
        if (group.weightDecay() != 0) {
            g = g.add(p, new Scalar(group.weightDecay()));
        }
        moments.get(index).apply(p, g, group.lr(), step);
    }
}
