package io.pylon.models.gpt;

import static io.pylon.models.gpt.GptTesting.BLOCK;
import static io.pylon.models.gpt.GptTesting.VOCAB;
import static io.pylon.models.gpt.GptTesting.model;
import static io.pylon.models.gpt.GptTesting.tiny;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Tensor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.pylon.engine.Engine;
import io.pylon.engine.Tensors;

class KvCacheTest {

    @BeforeAll
    static void start() {
        Engine.start();
    }

    @Test
    void cachedForwardGivesTheLogitsOfTheFullForwardOnePositionAtATime() {
        Gpt gpt = model(tiny(0.0, true), 3);
        gpt.eval();
        Tensor ids = GptTesting.tokens(4, VOCAB, 2, BLOCK);
        try (NoGradGuard guard = new NoGradGuard();
             KvCache cache = new KvCache(gpt.params(), 2, gpt.weightOptions())) {
            float[] full = Tensors.toFloats(gpt.forward(ids));
            // a 3-token prompt, then one token at a time
            List<Float> cached = new ArrayList<>();
            Tensor prompt = gpt.forward(ids.narrow(1, 0, 3), cache);
            Tensor[] steps = new Tensor[BLOCK - 2];
            steps[0] = prompt;
            for (int t = 3; t < BLOCK; t++) {
                steps[t - 2] = gpt.forward(ids.narrow(1, t, 1), cache);
            }
            Tensor all = org.bytedeco.pytorch.global.torch.cat(new org.bytedeco.pytorch.TensorVector(steps), 1);
            for (float f : Tensors.toFloats(all)) {
                cached.add(f);
            }
            assertThat(cache.length()).isEqualTo(BLOCK);
            assertThat(cached).hasSize(full.length);
            for (int i = 0; i < full.length; i++) {
                assertThat((double) cached.get(i)).as("logit %d", i).isCloseTo(full[i], org.assertj.core.data.Offset.offset(1e-4));
            }
        }
    }

    @Test
    void greedyTextIsTheSameWithAndWithoutTheCacheWithinTheBlock() {
        Gpt gpt = model(tiny(0.1, true), 5);
        Tensor prompt = Tensors.fromLongs(new long[] {3, 1, 4}, 1, 3);
        int fits = BLOCK - 3;
        long[] plain = Tensors.toLongs(gpt.generate(prompt, fits, SamplingParams.greedy(), false, TokenListener.NONE));
        long[] cached = Tensors.toLongs(gpt.generate(prompt, fits, SamplingParams.greedy(), true, TokenListener.NONE));
        assertThat(cached).containsExactly(plain);
    }

    @Test
    void pastTheBlockTheCacheRestartsAndTheListenerSeesEveryToken() {
        Gpt gpt = model(tiny(0.0, true), 6);
        List<Long> seen = new ArrayList<>();
        long[] out = Tensors.toLongs(gpt.generate(Tensors.fromLongs(new long[] {1}, 1, 1), 5 * BLOCK,
                SamplingParams.seeded(2), true, tokens -> seen.add(tokens[0])));
        assertThat(out).hasSize(1 + 5 * BLOCK);
        assertThat(seen).hasSize(5 * BLOCK);
        assertThat(seen.stream().mapToLong(Long::longValue).toArray())
                .containsExactly(Arrays.copyOfRange(out, 1, out.length));
        assertThat(Arrays.stream(out).allMatch(t -> t >= 0 && t < VOCAB)).isTrue();
    }
}
