package io.pylon.models.gpt;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.bytedeco.pytorch.EmbeddingImpl;
import org.bytedeco.pytorch.EmbeddingOptions;
import org.bytedeco.pytorch.GeneratorOptional;
import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.ModuleListImpl;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptions;
import org.bytedeco.pytorch.global.torch;
import org.bytedeco.pytorch.global.torch.ScalarType;

import io.pylon.PylonUserException;
import io.pylon.data.DataSpec;
import io.pylon.engine.Tensors;
import io.pylon.models.Model;
import io.pylon.models.OutputLayout;
import io.pylon.nn.ModuleTensors;

/**
 * A GPT decoder over a vocabulary of {@code V = spec.numClasses()} tokens (characters or bytes): token ids
 * {@code (N, T)} int64 with {@code T <= block_size} in, next-token logits {@code (N, T, V)} out, where position
 * {@code t} sees only positions {@code <= t}.
 *
 * <pre>
 * x      = dropout(wte[ids] + wpe[0..T-1])
 * x      = block_L(... block_1(x))          each block: x + attn(ln_1(x)), then x + mlp(ln_2(x))
 * logits = ln_f(x) . wte^T                  the output projection is the token embedding (weight tying)
 * </pre>
 *
 * Tying the output to the input embedding saves {@code V*d} parameters and, per Press &amp; Wolf (2017), helps
 * small models; the embedding is registered once, so it is counted, saved and optimised once. Weights start as
 * in GPT-2: normal(0, 0.02), biases zero, and the two residual output projections of each block normal(0,
 * 0.02 / sqrt(2 L)) so the residual stream's variance does not grow with depth.
 *
 * <p>Parameter count, with {@code d = d_model}, {@code ff = d_ff}, {@code T = block_size}, {@code L = n_layers}
 * and {@code b = 1} with bias, else 0 (see {@link #parameterCount}):
 *
 * <pre>
 * V*d + T*d                                   token and position embeddings
 * + L * ( 2 * (d + b*d)                       ln_1, ln_2
 *       + 3d*d + b*3d + d*d + b*d             attention c_attn, c_proj
 *       + d*ff + b*ff + ff*d + b*d )          mlp c_fc, c_proj
 * + d + b*d                                   ln_f
 * + 0                                         the tied output projection
 * </pre>
 *
 * The default params with {@code V = 65} have 1,230,976 parameters.
 */
public final class Gpt extends Module implements Model {

    /** Standard deviation of the GPT-2 weight initialisation. */
    private static final double INIT_STD = 0.02;

    private final GptParams params;
    private final int vocabulary;
    private final EmbeddingImpl tokenEmbedding;
    private final EmbeddingImpl positionEmbedding;
    /** Kept as Java objects too: the wrappers must stay reachable while the module is in use. */
    private final List<Block> blocks = new ArrayList<>();
    private final LayerNorm finalNorm;

    public Gpt(GptParams params, DataSpec spec) {
        checkInput(params, spec);
        this.params = params;
        this.vocabulary = spec.numClasses();
        this.tokenEmbedding = register_module("wte",
                new EmbeddingImpl(new EmbeddingOptions(vocabulary, params.dModel())));
        this.positionEmbedding = register_module("wpe",
                new EmbeddingImpl(new EmbeddingOptions(params.blockSize(), params.dModel())));
        ModuleListImpl layers = register_module("h", new ModuleListImpl());
        for (int i = 0; i < params.nLayers(); i++) {
            Block block = new Block(params);
            layers.push_back(block);
            blocks.add(block);
        }
        this.finalNorm = register_module("ln_f", new LayerNorm(params.dModel(), params.bias()));
        initialise();
    }

    private static void checkInput(GptParams params, DataSpec spec) {
        long[] shape = spec.inputShape();
        if (shape.length != 1 || shape[0] > params.blockSize()) {
            throw new PylonUserException("model 'gpt' needs token sequences of shape [T] with T <= block_size ("
                    + params.blockSize() + "), but the dataset gives samples of shape " + Arrays.toString(shape)
                    + "; use a token dataset or raise model.block_size");
        }
    }

    /** GPT-2's initialisation (see the class comment), drawn from libtorch's global generator. */
    private void initialise() {
        double residualStd = INIT_STD / Math.sqrt(2.0 * params.nLayers());
        try (NoGradGuard guard = new NoGradGuard()) {
            for (Map.Entry<String, Tensor> e : ModuleTensors.parameters(this).entrySet()) {
                String name = e.getKey();
                Tensor p = e.getValue();
                if (name.endsWith(".bias")) {
                    p.zero_();
                } else if (p.dim() == 2) {
                    double std = name.endsWith("c_proj.weight") ? residualStd : INIT_STD;
                    p.normal_(0.0, std, new GeneratorOptional());
                }
            }
        }
    }

    /**
     * The closed-form parameter count (see the class comment) of a model with {@code params} over a vocabulary
     * of {@code vocabulary} tokens.
     */
    public static long parameterCount(GptParams params, int vocabulary) {
        long d = params.dModel();
        long ff = params.dFf();
        long b = params.bias() ? 1 : 0;
        long embeddings = vocabulary * d + params.blockSize() * d;
        long norms = 2 * (d + b * d);
        long attention = 3 * d * d + b * 3 * d + d * d + b * d;
        long mlp = d * ff + b * ff + ff * d + b * d;
        long finalNorm = d + b * d;
        return embeddings + params.nLayers() * (norms + attention + mlp) + finalNorm;
    }

    public GptParams params() {
        return params;
    }

    public int vocabulary() {
        return vocabulary;
    }

    /** Logits are {@code (N, T, V)}: the vocabulary is the last dimension. */
    @Override
    public OutputLayout outputLayout() {
        return OutputLayout.CLASSES_LAST;
    }

    /** {@code ids (N, T)} int64, {@code T <= block_size} -> logits {@code (N, T, V)}. */
    @Override
    public Tensor forward(Tensor ids) {
        checkIds(ids);
        long t = ids.size(1);
        Tensor positions = torch.arange(new Scalar(t), ids.options());
        Tensor x = tokenEmbedding.forward(ids).add(positionEmbedding.forward(positions));
        x = torch.dropout(x, params.dropout(), is_training());
        for (Block block : blocks) {
            x = block.forward(x);
        }
        return torch.linear(finalNorm.forward(x), tokenEmbedding.weight());
    }

    private void checkIds(Tensor ids) {
        if (ids.dim() != 2 || ids.scalar_type().value != ScalarType.Long.value) {
            throw new IllegalArgumentException("gpt expects int64 token ids of shape (N, T), got "
                    + ids.scalar_type() + " of shape " + Arrays.toString(Tensors.shape(ids)));
        }
        if (ids.size(1) > params.blockSize()) {
            throw new IllegalArgumentException("sequence length " + ids.size(1) + " exceeds block_size "
                    + params.blockSize() + ": the model has no position embedding beyond it; crop the context"
                    + " to its last " + params.blockSize() + " tokens");
        }
    }

    /**
     * Continues one prompt by {@code maxNewTokens} sampled tokens (see {@link #generate(Tensor, int,
     * SamplingParams)}).
     *
     * @return the prompt followed by the new tokens
     */
    public long[] generate(long[] prompt, int maxNewTokens, SamplingParams sampling) {
        Tensor ids = Tensors.fromLongs(prompt, 1, prompt.length);
        return Tensors.toLongs(generate(ids, maxNewTokens, sampling));
    }

    /**
     * Continues each row of {@code prompt (N, T0)} by {@code maxNewTokens} tokens, one forward pass per token on
     * the last {@code block_size} tokens (older ones are cropped, as the model cannot see them). Runs in eval
     * mode (no dropout) without autograd, and restores the previous mode.
     *
     * @return {@code (N, T0 + maxNewTokens)} int64: the prompt followed by the new tokens
     */
    public Tensor generate(Tensor prompt, int maxNewTokens, SamplingParams sampling) {
        return generate(prompt, maxNewTokens, sampling, false, TokenListener.NONE);
    }

    /**
     * As {@link #generate(Tensor, int, SamplingParams)}; with {@code cached} each new token costs one position
     * through a key/value cache (see {@link Decoder} for how the context then slides), and {@code listener} sees
     * every step's tokens as they are drawn.
     */
    public Tensor generate(Tensor prompt, int maxNewTokens, SamplingParams sampling, boolean cached,
            TokenListener listener) {
        checkPrompt(prompt, maxNewTokens);
        return Decoder.run(this, prompt, maxNewTokens, sampling, cached, listener);
    }

    /** {@code ids (N, t)}: the positions after the {@code cache}'s valid ones -> their logits {@code (N, t, V)}. */
    Tensor forward(Tensor ids, KvCache cache) {
        long start = cache.length();
        long t = ids.size(1);
        Tensor positions = torch.arange(new Scalar(start), new Scalar(start + t), ids.options());
        Tensor x = tokenEmbedding.forward(ids).add(positionEmbedding.forward(positions));
        for (int layer = 0; layer < blocks.size(); layer++) {
            x = blocks.get(layer).forward(x, cache, layer);
        }
        cache.advance(t);
        return torch.linear(finalNorm.forward(x), tokenEmbedding.weight());
    }

    /** Dtype and device of the weights (where generation's buffers go). */
    TensorOptions weightOptions() {
        return tokenEmbedding.weight().options();
    }

    private void checkPrompt(Tensor prompt, int maxNewTokens) {
        if (maxNewTokens < 0) {
            throw new IllegalArgumentException("maxNewTokens must be >= 0, got " + maxNewTokens);
        }
        if (prompt.dim() != 2 || prompt.size(1) < 1) {
            throw new IllegalArgumentException("the prompt must hold at least one token per row, shape (N, T0),"
                    + " got shape " + Arrays.toString(Tensors.shape(prompt)));
        }
        long min = prompt.min().item_long();
        long max = prompt.max().item_long();
        if (min < 0 || max >= vocabulary) {
            throw new IllegalArgumentException("prompt tokens must be in [0, " + vocabulary + "), got values from "
                    + min + " to " + max);
        }
    }
}
