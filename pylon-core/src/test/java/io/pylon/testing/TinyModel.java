package io.pylon.testing;

import org.bytedeco.pytorch.DropoutImpl;
import org.bytedeco.pytorch.LinearImpl;
import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;

import io.pylon.models.Model;

/** A 2-layer MLP with dropout (so RNG state matters): inputs -> hidden -> classes. */
public final class TinyModel extends Module implements Model {

    private final LinearImpl first;
    private final DropoutImpl dropout;
    private final LinearImpl second;

    public TinyModel(int inputs, int hidden, int classes, double dropoutProbability) {
        super("TinyModel");
        first = register_module("first", new LinearImpl(inputs, hidden));
        dropout = register_module("dropout", new DropoutImpl(dropoutProbability));
        second = register_module("second", new LinearImpl(hidden, classes));
    }

    @Override
    public Tensor forward(Tensor input) {
        return second.forward(dropout.forward(torch.relu(first.forward(input.flatten(1, -1)))));
    }
}
