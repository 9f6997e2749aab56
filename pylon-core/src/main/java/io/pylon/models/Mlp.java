package io.pylon.models;

import java.util.ArrayList;
import java.util.List;

import org.bytedeco.pytorch.LinearImpl;
import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;

import io.pylon.data.DataSpec;

/**
 * A multi-layer perceptron: flatten, then per hidden width a linear layer, ReLU and dropout, then a
 * linear layer to the class logits. The baseline every other model should beat.
 */
public final class Mlp extends Module implements Model {

    /** Kept as fields: the Java wrappers must stay reachable while the module is in use. */
    private final List<LinearImpl> hidden = new ArrayList<>();
    private final LinearImpl output;
    private final double dropout;

    public Mlp(MlpParams params, DataSpec spec) {
        long width = spec.inputSize();
        for (int i = 0; i < params.hidden().size(); i++) {
            int next = params.hidden().get(i);
            hidden.add(register_module("fc" + i, new LinearImpl(width, next)));
            width = next;
        }
        this.output = register_module("out", new LinearImpl(width, spec.numClasses()));
        this.dropout = params.dropout();
    }

    @Override
    public Tensor forward(Tensor input) {
        Tensor x = torch.flatten(input, 1, -1);
        for (LinearImpl layer : hidden) {
            x = torch.relu(layer.forward(x));
            if (dropout > 0) {
                x = torch.dropout(x, dropout, is_training());
            }
        }
        return output.forward(x);
    }
}
