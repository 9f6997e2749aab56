package io.pylon.models.gpt;

import java.util.Random;

import org.bytedeco.pytorch.Tensor;

import io.pylon.data.DataSpec;
import io.pylon.engine.Seeds;
import io.pylon.engine.Tensors;

/** Small models and fixed token batches shared by the GPT tests. */
final class GptTesting {

    static final int VOCAB = 11;
    static final int BLOCK = 8;

    private GptTesting() {
    }

    /** d_model 16, 2 layers, 2 heads, d_ff 32, block 8. */
    static GptParams tiny(double dropout, boolean bias) {
        return new GptParams(16, 2, 2, 32, BLOCK, dropout, bias);
    }

    static Gpt model(GptParams params, long seed) {
        Seeds.seed(seed);
        return new Gpt(params, new DataSpec(new long[] {params.blockSize()}, VOCAB));
    }

    /** Fixed pseudo-random token ids in [0, vocab), independent of libtorch's generator. */
    static Tensor tokens(long seed, int vocab, int n, int t) {
        Random random = new Random(seed);
        long[] values = new long[n * t];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextInt(vocab);
        }
        return Tensors.fromLongs(values, n, t);
    }
}
