package io.pylon.models.gpt;

import org.bytedeco.pytorch.LinearImpl;
import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;

/**
 * The position-wise network of a block: {@code c_fc} widens to {@code d_ff}, GELU (exact, erf-based, as in
 * nanoGPT), {@code c_proj} narrows back to {@code d}, then residual dropout. Parameters: {@code d*ff + ff*d},
 * plus {@code ff + d} with bias.
 */
final class FeedForward extends Module {

    private final LinearImpl fc;
    private final LinearImpl proj;
    private final double dropout;

    FeedForward(GptParams params) {
        this.fc = register_module("c_fc", CausalSelfAttention.linear(params.dModel(), params.dFf(), params.bias()));
        this.proj = register_module("c_proj", CausalSelfAttention.linear(params.dFf(), params.dModel(), params.bias()));
        this.dropout = params.dropout();
    }

    /** The output projection, whose initialisation {@link Gpt} scales down with depth. */
    LinearImpl proj() {
        return proj;
    }

    Tensor forward(Tensor x) {
        return torch.dropout(proj.forward(torch.gelu(fc.forward(x))), dropout, is_training());
    }
}
