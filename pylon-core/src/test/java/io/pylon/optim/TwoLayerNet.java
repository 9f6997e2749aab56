package io.pylon.optim;

import java.util.List;

import org.bytedeco.pytorch.LinearImpl;
import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;

import io.pylon.models.Model;

/**
 * A small two-layer net with a 1-d "norm-like" scale parameter: weights decay, biases and the scale do not.
 * Parameters: fc1.weight [12, 6], fc1.bias [12], fc2.weight [3, 12], fc2.bias [3], scale [12].
 */
final class TwoLayerNet extends Module implements Model {

    final LinearImpl fc1;
    final LinearImpl fc2;
    final Tensor scale;

    TwoLayerNet() {
        fc1 = register_module("fc1", new LinearImpl(6, 12));
        fc2 = register_module("fc2", new LinearImpl(12, 3));
        scale = register_parameter("scale", torch.ones(12).add(torch.randn(12).mul(new Scalar(0.1))));
    }

    @Override
    public Tensor forward(Tensor input) {
        return fc2.forward(torch.relu(fc1.forward(input)).mul(scale));
    }

    /** The module's parameters in registration order. */
    List<NamedParameter> namedParams() {
        return ParameterGrouping.trainable(this);
    }

    /** Copies every parameter value of {@code source} into this net. */
    TwoLayerNet copyFrom(TwoLayerNet source) {
        List<NamedParameter> mine = namedParams();
        List<NamedParameter> theirs = source.namedParams();
        try (NoGradGuard guard = new NoGradGuard()) {
            for (int i = 0; i < mine.size(); i++) {
                mine.get(i).tensor().copy_(theirs.get(i).tensor());
            }
        }
        return this;
    }

    /** Largest absolute difference between corresponding parameters of two nets. */
    static double maxAbsDiff(TwoLayerNet a, TwoLayerNet b) {
        List<NamedParameter> pa = a.namedParams();
        List<NamedParameter> pb = b.namedParams();
        double max = 0;
        for (int i = 0; i < pa.size(); i++) {
            max = Math.max(max, pa.get(i).tensor().sub(pb.get(i).tensor()).abs().max().item_double());
        }
        return max;
    }
}
