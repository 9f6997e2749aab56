package io.pylon.models;

import org.bytedeco.pytorch.LinearImpl;
import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;

/**
 * A small nested model with closed-form parameter counts: block (Linear 4->3, Linear 3->2), head
 * (Linear 2->5) and a root-level {@code scale} vector of 5. Own 5, block 15 + 8 = 23, head 15, total 43.
 */
final class SummaryNet extends Module implements Model {

    /** A Java-defined container, to check nesting and indentation. */
    static final class Block extends Module {

        final LinearImpl first;
        final LinearImpl second;

        Block() {
            super("Block");
            first = register_module("first", new LinearImpl(4, 3));
            second = register_module("second", new LinearImpl(3, 2));
        }
    }

    final Block block;
    final LinearImpl head;
    final Tensor scale;

    SummaryNet() {
        super("SummaryNet");
        block = register_module("block", new Block());
        head = register_module("head", new LinearImpl(2, 5));
        scale = register_parameter("scale", torch.ones(5), true);
    }

    @Override
    public Tensor forward(Tensor input) {
        Tensor x = torch.relu(block.second.forward(torch.relu(block.first.forward(input))));
        return head.forward(x).mul(scale);
    }
}
