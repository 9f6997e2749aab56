package io.pylon.models.gpt;

import io.pylon.config.Default;
import io.pylon.config.InvalidValueException;

/**
 * Settings of the {@code gpt} model (nanoGPT's names). The defaults are the "baby GPT" for character-level
 * Shakespeare: with a 65-character vocabulary they give 1,230,976 parameters (see {@link Gpt#parameterCount}),
 * small enough to train on a CPU in minutes.
 *
 * @param dModel embedding width, shared by every residual stream; a multiple of {@code nHeads}
 * @param nLayers number of transformer blocks, >= 1
 * @param nHeads attention heads per block; each head has {@code dModel / nHeads} dimensions
 * @param dFf hidden width of each block's feed-forward network (4 x d_model in GPT-2)
 * @param blockSize longest context the model sees, which is the number of learned positions
 * @param dropout dropout probability on the embeddings, the attention weights and both residual branches,
 *     in [0, 1)
 * @param bias biases in the linear layers and LayerNorms (nanoGPT: {@code false} is slightly better and faster)
 */
public record GptParams(
        @Default("128") int dModel,
        @Default("6") int nLayers,
        @Default("8") int nHeads,
        @Default("512") int dFf,
        @Default("256") int blockSize,
        @Default("0.1") double dropout,
        @Default("true") boolean bias) {

    public GptParams {
        InvalidValueException.require(dModel >= 1, "d_model", "must be >= 1, got %d", dModel);
        InvalidValueException.require(nLayers >= 1, "n_layers", "must be >= 1, got %d", nLayers);
        InvalidValueException.require(nHeads >= 1, "n_heads", "must be >= 1, got %d", nHeads);
        InvalidValueException.require(dModel % nHeads == 0, "n_heads",
                "must divide d_model so every head gets d_model / n_heads dimensions, got d_model %d and n_heads %d",
                dModel, nHeads);
        InvalidValueException.require(dFf >= 1, "d_ff", "must be >= 1, got %d", dFf);
        InvalidValueException.require(blockSize >= 1, "block_size", "must be >= 1, got %d", blockSize);
        InvalidValueException.require(dropout >= 0 && dropout < 1, "dropout", "must be in [0, 1), got %s", dropout);
    }

    public static GptParams defaults() {
        return new GptParams(128, 6, 8, 512, 256, 0.1, true);
    }

    /** Width of one attention head. */
    public int headSize() {
        return dModel / nHeads;
    }
}
