/**
 * A character- or byte-level GPT decoder in the style of nanoGPT: token and learned position embeddings,
 * pre-LayerNorm transformer {@link io.pylon.models.gpt.Block}s with causal self-attention through libtorch's
 * fused {@code scaled_dot_product_attention}, a GELU feed-forward network, a final LayerNorm and an output
 * projection tied to the token embedding. {@link io.pylon.models.gpt.Gpt#generate} samples continuations with
 * temperature, top-k and nucleus (top-p) filtering from its own seeded generator
 * ({@link io.pylon.models.gpt.Sampler}), so a seed names one text independent of the global RNG.
 *
 * <p>Submodule and parameter names follow nanoGPT ({@code wte}, {@code wpe}, {@code h.0.attn.c_attn},
 * {@code h.0.mlp.c_fc}, {@code ln_f} ...) without its {@code transformer.} prefix, so checkpoints are easy
 * to map across.
 */
package io.pylon.models.gpt;
