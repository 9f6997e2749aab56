package io.pylon.inference;

import java.util.Arrays;
import java.util.function.Consumer;

import org.bytedeco.pytorch.Tensor;

import io.pylon.PylonUserException;
import io.pylon.data.format.Tokenizer;
import io.pylon.engine.Tensors;
import io.pylon.models.gpt.SamplingParams;

/**
 * Generates text from a {@link LanguageModelRun}: encodes the prompt with the run's tokenizer, samples new tokens
 * and hands the text on as it is made. A token sequence may end inside a multi-byte character (byte tokenizers),
 * so the streamed text is the decoded whole minus what was already sent, holding back a trailing replacement
 * character until the next token completes it.
 */
public final class TextGeneration {

    /**
     * One generation.
     *
     * @param text the new text (without the prompt)
     * @param newTokens tokens generated
     * @param seconds wall time of the sampling loop, prompt included
     */
    public record Result(String text, int newTokens, double seconds) {

        public double tokensPerSecond() {
            return seconds > 0 ? newTokens / seconds : 0;
        }
    }

    private TextGeneration() {
    }

    /**
     * Continues {@code prompt} by {@code maxNewTokens} tokens; {@code stream} receives the text piece by piece as
     * tokens are drawn.
     *
     * @throws PylonUserException for an empty prompt or one with characters outside the vocabulary
     */
    public static Result generate(LanguageModelRun run, String prompt, int maxNewTokens, SamplingParams sampling,
            boolean cached, Consumer<String> stream) {
        long[] ids = encodePrompt(run, prompt);
        Tokenizer tokenizer = run.tokenizer();
        long[] made = new long[maxNewTokens];
        int[] count = {0};
        StringBuilder sent = new StringBuilder();
        long start = System.nanoTime();
        Tensor out = run.model().generate(Tensors.fromLongs(ids, 1, ids.length), maxNewTokens, sampling, cached,
                tokens -> {
                    made[count[0]++] = tokens[0];
                    String text = tokenizer.decode(Arrays.copyOf(made, count[0]));
                    int complete = text.endsWith("\uFFFD") && count[0] < maxNewTokens ? text.length() - 1
                            : text.length();
                    if (complete > sent.length()) {
                        String piece = text.substring(sent.length(), complete);
                        sent.append(piece);
                        stream.accept(piece);
                    }
                });
        double seconds = (System.nanoTime() - start) / 1e9;
        out.close();
        return new Result(tokenizer.decode(Arrays.copyOf(made, count[0])), count[0], seconds);
    }

    private static long[] encodePrompt(LanguageModelRun run, String prompt) {
        if (prompt.isEmpty()) {
            throw new PylonUserException("the prompt is empty; give at least one character (e.g. --prompt \"\\n\")");
        }
        try {
            return run.tokenizer().encode(prompt);
        } catch (Tokenizer.UnknownSymbolException e) {
            throw new PylonUserException("prompt " + e.getMessage() + " of the run's " + run.tokenizer().kind()
                    + " tokenizer (" + run.tokenizer().vocabSize() + " symbols, the characters of its training text)."
                    + " A char tokenizer has no unknown token, so such a prompt cannot be encoded: remove or replace"
                    + " that character", e);
        }
    }
}
