package io.pylon.models.gpt;

import org.bytedeco.pytorch.DoubleOptional;
import org.bytedeco.pytorch.LinearImpl;
import org.bytedeco.pytorch.LinearOptions;
import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptional;
import org.bytedeco.pytorch.global.torch;

/**
 * Multi-head causal self-attention: one linear layer {@code c_attn} projects each position to its query, key
 * and value ({@code 3d} outputs), the heads attend with {@code softmax(q k^T / sqrt(d_head))} masked to earlier
 * positions, and {@code c_proj} mixes the concatenated heads back to {@code d}. The attention itself is libtorch's
 * fused {@code scaled_dot_product_attention} with {@code is_causal}, which picks a flash or memory-efficient
 * kernel where one applies and never materialises a mask. Parameters: {@code 3d*d + d*d}, plus {@code 3d + d}
 * with bias.
 */
final class CausalSelfAttention extends Module {

    private final LinearImpl qkv;
    private final LinearImpl proj;
    private final int heads;
    private final int dModel;
    private final double dropout;

    CausalSelfAttention(GptParams params) {
        this.dModel = params.dModel();
        this.heads = params.nHeads();
        this.dropout = params.dropout();
        this.qkv = register_module("c_attn", linear(dModel, 3L * dModel, params.bias()));
        this.proj = register_module("c_proj", linear(dModel, dModel, params.bias()));
    }

    /** A linear layer with or without bias ({@code bias=false} drops it in every layer of the model). */
    static LinearImpl linear(long in, long out, boolean bias) {
        LinearOptions options = new LinearOptions(in, out);
        options.bias().put(bias);
        return new LinearImpl(options);
    }

    /** The output projection, whose initialisation {@link Gpt} scales down with depth. */
    LinearImpl proj() {
        return proj;
    }

    /** {@code x}: {@code (N, T, d)} -> {@code (N, T, d)}. */
    Tensor forward(Tensor x) {
        long[] shape = x.sizes().vec().get();
        long n = shape[0];
        long t = shape[1];
        Tensor qkvOut = qkv.forward(x);
        Tensor q = heads(qkvOut.narrow(2, 0, dModel), n, t);
        Tensor k = heads(qkvOut.narrow(2, dModel, dModel), n, t);
        Tensor v = heads(qkvOut.narrow(2, 2L * dModel, dModel), n, t);
        double attentionDropout = is_training() ? dropout : 0.0;
        Tensor y = torch.scaled_dot_product_attention(q, k, v, new TensorOptional(), attentionDropout, true,
                new DoubleOptional(), false);
        // (N, heads, T, d_head) -> (N, T, d): the heads side by side again
        y = y.transpose(1, 2).contiguous().view(n, t, dModel);
        return torch.dropout(proj.forward(y), dropout, is_training());
    }

    /**
     * {@code x (N, t, d)}, the {@code t} positions after the {@code cache}'s valid ones, -> {@code (N, t, d)}; stores
     * their keys and values in the cache as layer {@code layer}. Either the cache is empty (a prompt, attended
     * causally) or {@code t = 1} (one new token, which sees every cached position). Inference only: no dropout.
     */
    Tensor forward(Tensor x, KvCache cache, int layer) {
        long[] shape = x.sizes().vec().get();
        long n = shape[0];
        long t = shape[1];
        boolean prompt = cache.length() == 0;
        if (!prompt && t != 1) {
            throw new IllegalArgumentException("a cached forward takes one new token after the first, got " + t);
        }
        Tensor qkvOut = qkv.forward(x);
        Tensor q = heads(qkvOut.narrow(2, 0, dModel), n, t);
        Tensor[] kv = cache.append(layer, heads(qkvOut.narrow(2, dModel, dModel), n, t),
                heads(qkvOut.narrow(2, 2L * dModel, dModel), n, t));
        Tensor y = torch.scaled_dot_product_attention(q, kv[0], kv[1], new TensorOptional(), 0.0, prompt,
                new DoubleOptional(), false);
        y = y.transpose(1, 2).contiguous().view(n, t, dModel);
        return proj.forward(y);
    }

    /** {@code (N, T, d)} -> {@code (N, heads, T, d_head)}. */
    private Tensor heads(Tensor x, long n, long t) {
        return x.reshape(n, t, heads, dModel / heads).transpose(1, 2);
    }
}
