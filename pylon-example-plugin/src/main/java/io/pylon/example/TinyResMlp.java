package io.pylon.example;

import java.util.ArrayList;
import java.util.List;

import org.bytedeco.pytorch.LinearImpl;
import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;

import io.pylon.data.DataSpec;
import io.pylon.models.Model;

/**
 * A residual MLP: flatten, a linear stem to {@code width}, then per block {@code x + W2 relu(W1 x)}, then a
 * linear head to the class logits. Small enough for a test, deep enough to show the summary's nesting.
 */
public final class TinyResMlp extends Module implements Model {

    /** One residual block; a Java class so the model summary lists it with its two layers. */
    static final class Block extends Module {

        private final LinearImpl inner;
        private final LinearImpl outer;

        Block(int width) {
            super("Block");
            inner = register_module("inner", new LinearImpl(width, width));
            outer = register_module("outer", new LinearImpl(width, width));
        }

        Tensor forward(Tensor x) {
            return x.add(outer.forward(torch.relu(inner.forward(x))));
        }
    }

    /** Kept as fields: the Java wrappers must stay reachable while the module is in use. */
    private final LinearImpl stem;
    private final List<Block> blocks = new ArrayList<>();
    private final LinearImpl head;

    public TinyResMlp(TinyResMlpParams params, DataSpec spec) {
        super("TinyResMlp");
        stem = register_module("stem", new LinearImpl(spec.inputSize(), params.width()));
        for (int i = 0; i < params.blocks(); i++) {
            blocks.add(register_module("block" + i, new Block(params.width())));
        }
        head = register_module("head", new LinearImpl(params.width(), spec.numClasses()));
    }

    @Override
    public Tensor forward(Tensor input) {
        Tensor x = torch.relu(stem.forward(torch.flatten(input, 1, -1)));
        for (Block block : blocks) {
            x = block.forward(x);
        }
        return head.forward(x);
    }
}
