package io.pylon.models.gpt;

import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.Tensor;

/**
 * One pre-LayerNorm transformer block: {@code x + attn(ln_1(x))}, then {@code x + mlp(ln_2(x))}. Normalising
 * the branch inputs rather than the sum keeps the residual stream an identity path, which is what lets deep
 * stacks train without warm-up tricks. Parameters: two LayerNorms, the attention and the feed-forward network.
 */
final class Block extends Module {

    private final LayerNorm ln1;
    private final CausalSelfAttention attention;
    private final LayerNorm ln2;
    private final FeedForward mlp;

    Block(GptParams params) {
        this.ln1 = register_module("ln_1", new LayerNorm(params.dModel(), params.bias()));
        this.attention = register_module("attn", new CausalSelfAttention(params));
        this.ln2 = register_module("ln_2", new LayerNorm(params.dModel(), params.bias()));
        this.mlp = register_module("mlp", new FeedForward(params));
    }

    CausalSelfAttention attention() {
        return attention;
    }

    FeedForward mlp() {
        return mlp;
    }

    /** The next positions with the keys and values of the earlier ones from {@code cache} (inference). */
    Tensor forward(Tensor x, KvCache cache, int layer) {
        Tensor h = x.add(attention.forward(ln1.forward(x), cache, layer));
        return h.add(mlp.forward(ln2.forward(h)));
    }

    /** {@code (N, T, d)} -> {@code (N, T, d)}. */
    Tensor forward(Tensor x) {
        Tensor h = x.add(attention.forward(ln1.forward(x)));
        return h.add(mlp.forward(ln2.forward(h)));
    }
}
