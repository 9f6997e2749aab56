package io.pylon.models.gpt;

import static io.pylon.models.gpt.GptTesting.BLOCK;
import static io.pylon.models.gpt.GptTesting.VOCAB;
import static io.pylon.models.gpt.GptTesting.model;
import static io.pylon.models.gpt.GptTesting.tiny;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;

import org.bytedeco.pytorch.LongOptional;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Tensor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.pylon.config.InvalidValueException;
import io.pylon.engine.Engine;
import io.pylon.engine.Seeds;
import io.pylon.engine.Tensors;

class GptGenerateTest {

    private static final long[] PROMPT = {3, 1, 4};
    /** Longer than the block, so every test also crosses the context crop. */
    private static final int NEW = 2 * BLOCK;

    @BeforeAll
    static void start() {
        Engine.start();
    }

    @Test
    void outputIsThePromptFollowedByMaxNewTokensFromTheVocabulary() {
        Gpt gpt = model(tiny(0.1, true), 1);

        long[] out = gpt.generate(PROMPT, NEW, SamplingParams.seeded(5));

        assertThat(out).hasSize(PROMPT.length + NEW).startsWith(PROMPT);
        assertThat(Arrays.stream(out).allMatch(t -> t >= 0 && t < VOCAB)).isTrue();
        assertThat(gpt.generate(PROMPT, 0, SamplingParams.seeded(5))).containsExactly(PROMPT);
        Tensor batch = gpt.generate(Tensors.fromLongs(new long[] {1, 2, 3, 4}, 2, 2), 5, SamplingParams.seeded(5));
        assertThat(Tensors.shape(batch)).containsExactly(2, 7);
    }

    @Test
    void sameSeedGivesTheSameTokensWhateverTheGlobalGenerator() {
        Gpt gpt = model(tiny(0.1, true), 2);

        Seeds.seed(100);
        long[] first = gpt.generate(PROMPT, NEW, SamplingParams.seeded(7));
        Seeds.seed(200);
        long[] second = gpt.generate(PROMPT, NEW, SamplingParams.seeded(7));
        long[] other = gpt.generate(PROMPT, NEW, SamplingParams.seeded(8));

        assertThat(second).containsExactly(first);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void topKOneAndATinyTopPAreGreedyDecoding() {
        Gpt gpt = model(tiny(0.1, true), 3);
        long[] greedy = greedy(gpt, PROMPT, NEW);

        assertThat(gpt.generate(PROMPT, NEW, new SamplingParams(1.0, 1, 1.0, 9))).containsExactly(greedy);
        assertThat(gpt.generate(PROMPT, NEW, new SamplingParams(1.7, 1, 1.0, 10))).containsExactly(greedy);
        assertThat(gpt.generate(PROMPT, NEW, new SamplingParams(1.0, 0, 1e-6, 11))).containsExactly(greedy);
        assertThat(gpt.generate(PROMPT, NEW, SamplingParams.seeded(12))).isNotEqualTo(greedy);
    }

    @Test
    void generationRunsWithoutDropoutAndRestoresTheTrainingMode() {
        Gpt gpt = model(tiny(0.5, true), 4);
        gpt.train(true);

        long[] first = gpt.generate(PROMPT, NEW, SamplingParams.greedy());
        long[] second = gpt.generate(PROMPT, NEW, SamplingParams.greedy());

        assertThat(second).containsExactly(first);
        assertThat(gpt.is_training()).isTrue();
    }

    @Test
    void samplingSettingsAreValidated() {
        assertThatThrownBy(() -> new SamplingParams(0.0, 0, 1.0, 1)).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("must be > 0");
        assertThatThrownBy(() -> new SamplingParams(-1.0, 0, 1.0, 1)).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new SamplingParams(Double.NaN, 0, 1.0, 1)).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new SamplingParams(1.0, -1, 1.0, 1)).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new SamplingParams(1.0, 0, 0.0, 1)).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new SamplingParams(1.0, 0, 1.5, 1)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void badPromptsAreClearErrors() {
        Gpt gpt = model(tiny(0.0, true), 5);

        assertThatThrownBy(() -> gpt.generate(new long[0], 3, SamplingParams.greedy()))
                .hasMessageContaining("at least one token");
        assertThatThrownBy(() -> gpt.generate(new long[] {VOCAB}, 3, SamplingParams.greedy()))
                .hasMessageContaining("[0, 11)");
        assertThatThrownBy(() -> gpt.generate(PROMPT, -1, SamplingParams.greedy()))
                .hasMessageContaining("maxNewTokens");
    }

    /** Argmax decoding written out independently of {@link Sampler}. */
    private static long[] greedy(Gpt gpt, long[] prompt, int count) {
        gpt.eval();
        long[] out = Arrays.copyOf(prompt, prompt.length + count);
        try (NoGradGuard guard = new NoGradGuard()) {
            for (int length = prompt.length; length < out.length; length++) {
                int start = Math.max(0, length - BLOCK);
                long[] context = Arrays.copyOfRange(out, start, length);
                Tensor logits = gpt.forward(Tensors.fromLongs(context, 1, context.length));
                out[length] = logits.select(1, context.length - 1).argmax(new LongOptional(-1), false).item_long();
            }
        }
        return out;
    }
}
