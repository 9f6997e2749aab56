package io.pylon.models.gpt;

import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch.ScalarType;

import io.pylon.engine.StepScope;
import io.pylon.engine.Tensors;

/**
 * The sampling loop behind {@link Gpt#generate}: one token per row and step, each step in its own
 * {@link StepScope} so native memory stays flat however many tokens are made.
 *
 * <p>Without a cache every step runs the model over the last {@code block_size} tokens (nanoGPT's crop). With a
 * {@link KvCache} the prompt is run once and then each new token costs one position. Learned absolute position
 * embeddings cannot slide, so when the cache is full it restarts from the last {@code block_size / 2} tokens
 * (one batched forward over them): past {@code block_size} tokens the model then sees between
 * {@code block_size / 2} and {@code block_size} tokens of context, where the uncached loop always sees
 * {@code block_size}. Up to {@code block_size} tokens in all, both give the same logits.
 */
final class Decoder {

    private final Gpt model;
    private final int blockSize;
    private final long[][] rows;
    private int length;

    private Decoder(Gpt model, long[][] rows, int length) {
        this.model = model;
        this.blockSize = model.params().blockSize();
        this.rows = rows;
        this.length = length;
    }

    /** {@code prompt (N, T0)} continued by {@code maxNewTokens} tokens; {@code listener} sees each step's tokens. */
    static Tensor run(Gpt model, Tensor prompt, int maxNewTokens, SamplingParams sampling, boolean cached,
            TokenListener listener) {
        int n = Math.toIntExact(prompt.size(0));
        int t0 = Math.toIntExact(prompt.size(1));
        long[] flat = Tensors.toLongs(prompt);
        long[][] rows = new long[n][t0 + maxNewTokens];
        for (int r = 0; r < n; r++) {
            System.arraycopy(flat, r * t0, rows[r], 0, t0);
        }
        Decoder decoder = new Decoder(model, rows, t0);
        boolean wasTraining = model.is_training();
        model.eval();
        try (NoGradGuard guard = new NoGradGuard()) {
            if (cached) {
                try (KvCache cache = new KvCache(model.params(), n, model.weightOptions())) {
                    decoder.loop(maxNewTokens, new Sampler(sampling), cache, listener);
                }
            } else {
                decoder.loop(maxNewTokens, new Sampler(sampling), null, listener);
            }
        } finally {
            model.train(wasTraining);
        }
        return decoder.window(decoder.length);
    }

    private void loop(int maxNewTokens, Sampler sampler, KvCache cache, TokenListener listener) {
        int cachedTokens = 0;
        for (int i = 0; i < maxNewTokens; i++) {
            try (StepScope scope = new StepScope()) {
                Tensor logits;
                if (cache == null) {
                    logits = model.forward(window(Math.min(length, blockSize)));
                } else {
                    int fresh = length - cachedTokens;
                    if (cache.length() == 0 || cache.free() < fresh) {
                        cache.clear();
                        fresh = cachedTokens == 0 ? Math.min(length, blockSize)
                                : Math.min(length, Math.max(1, blockSize / 2));
                    }
                    logits = model.forward(window(fresh), cache);
                    cachedTokens = length;
                }
                Tensor next = sampler.next(logits.select(1, logits.size(1) - 1));
                long[] tokens = Tensors.toLongs(next.to(ScalarType.Long));
                for (int r = 0; r < rows.length; r++) {
                    rows[r][length] = tokens[r];
                }
                length++;
                listener.onTokens(tokens);
            }
        }
    }

    /** The last {@code t} tokens of every row, {@code (N, t)} int64 on the model's device. */
    private Tensor window(int t) {
        long[] flat = new long[rows.length * t];
        for (int r = 0; r < rows.length; r++) {
            System.arraycopy(rows[r], length - t, flat, r * t, t);
        }
        return Tensors.fromLongs(flat, rows.length, t).to(model.weightOptions().device(), ScalarType.Long);
    }
}
