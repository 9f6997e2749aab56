package io.pylon.optim;

import java.util.ArrayList;
import java.util.List;

import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;

/**
 * Adam and AdamW, matching {@code torch.optim.Adam} and {@code torch.optim.AdamW}: they differ only in how
 * weight decay enters ({@link Decay}). Per group at step t (1-based):
 *
 * <pre>
 *   Adam (L2):        g = g + weight_decay * p
 *   AdamW (decoupled): p = p * (1 - lr * weight_decay)
 *   m = beta1 * m + (1 - beta1) * g
 *   v = beta2 * v + (1 - beta2) * g^2
 *   p = p - lr / (1 - beta1^t) * m / (sqrt(v) / sqrt(1 - beta2^t) + eps)
 * </pre>
 *
 * With amsgrad, v in the last line is the running maximum of v.
 */
public final class AdamOptimizer extends FlatOptimizer {

    /** How weight decay enters the update. */
    public enum Decay {
        /** Added to the gradient, so it passes through the moments ({@code adam}). */
        L2,
        /** Applied to the parameters directly, scaled by the learning rate ({@code adamw}). */
        DECOUPLED
    }

    private final AdamSettings settings;
    private final Decay decay;
    private final List<AdamMoments> moments = new ArrayList<>();

    public AdamOptimizer(List<GroupSpec> specs, double lr, AdamSettings settings, Decay decay) {
        super(specs, lr);
        this.settings = settings;
        this.decay = decay;
        for (int i = 0; i < groups().size(); i++) {
            moments.add(AdamMoments.create(this, i, settings));
        }
    }

    public AdamSettings settings() {
        return settings;
    }

    public Decay decay() {
        return decay;
    }

    @Override
    void update(int index, ParamGroup group, long step) {
        Tensor p = group.flatParams();
        Tensor g = group.flatGrads();
        if (group.weightDecay() != 0) {
            switch (decay) {
                case L2 -> g = g.add(p, new Scalar(group.weightDecay()));
                case DECOUPLED -> p.mul_(new Scalar(1 - group.lr() * group.weightDecay()));
            }
        }
        moments.get(index).apply(p, g, group.lr(), step);
    }
}
