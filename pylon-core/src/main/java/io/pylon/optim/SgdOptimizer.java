package io.pylon.optim;

import java.util.ArrayList;
import java.util.List;

import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;

/**
 * Stochastic gradient descent with optional momentum, dampening, Nesterov momentum and L2 weight decay,
 * matching {@code torch.optim.SGD}. Per group, with gradient g, parameter p, learning rate lr:
 *
 * <pre>
 *   d = g + weight_decay * p
 *   if momentum != 0:
 *       b = d                                   (first step)
 *       b = momentum * b + (1 - dampening) * d  (later steps)
 *       d = nesterov ? d + momentum * b : b
 *   p = p - lr * d
 * </pre>
 */
public final class SgdOptimizer extends FlatOptimizer {

    private final SgdSettings settings;
    private final List<Tensor> momentumBuffers = new ArrayList<>();

    public SgdOptimizer(List<GroupSpec> specs, double lr, SgdSettings settings) {
        super(specs, lr);
        this.settings = settings;
        if (settings.momentum() != 0) {
            for (int i = 0; i < groups().size(); i++) {
                momentumBuffers.add(newState(i, "momentum_buffer"));
            }
        }
    }

    public SgdSettings settings() {
        return settings;
    }

    @Override
    void update(int index, ParamGroup group, long step) {
        Tensor p = group.flatParams();
        Tensor d = group.flatGrads();
        if (group.weightDecay() != 0) {
            d = d.add(p, new Scalar(group.weightDecay()));
        }
        double momentum = settings.momentum();
        if (momentum != 0) {
            Tensor buffer = momentumBuffers.get(index);
            if (step == 1) {
                buffer.copy_(d);
            } else {
                buffer.mul_(new Scalar(momentum)).add_(d, new Scalar(1 - settings.dampening()));
            }
            d = settings.nesterov() ? d.add(buffer, new Scalar(momentum)) : buffer;
        }
        p.add_(d, new Scalar(-group.lr()));
    }
}
