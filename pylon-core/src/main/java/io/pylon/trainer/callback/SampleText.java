package io.pylon.trainer.callback;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Arrays;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.pylon.PylonUserException;
import io.pylon.config.Default;
import io.pylon.config.InvalidValueException;
import io.pylon.data.format.Tokenizer;
import io.pylon.engine.Tensors;
import io.pylon.models.gpt.Gpt;
import io.pylon.models.gpt.SamplingParams;
import io.pylon.models.gpt.TokenListener;
import io.pylon.trainer.StepResult;
import io.pylon.trainer.TrainerView;

/**
 * Every {@code every_n_steps} optimizer steps, and once when training ends, lets a {@code gpt} model continue
 * {@code prompt} by {@code max_new_tokens} tokens with a fixed seed, logs the text and appends
 * {@code {"step", "epoch", "prompt", "text"}} to {@code samples.jsonl} in the run directory. The same seed at
 * every step shows how the model's text changes as it learns; sampling uses its own generator, so the training
 * run's randomness is untouched. The tokenizer is the one the run saved ({@code tokenizer.json}).
 */
public final class SampleText implements Callback {

    private static final Logger LOG = LoggerFactory.getLogger(SampleText.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Parameters of the {@code sample_text} callback.
     *
     * @param everyNSteps steps between samples, >= 0; 0 = only at the end
     * @param atEnd also sample when training ends
     * @param prompt text to continue; empty = a newline (nanoGPT's start)
     * @param maxNewTokens tokens (characters, for a char tokenizer) per sample, >= 1
     * @param temperature see {@link SamplingParams}
     * @param topK see {@link SamplingParams}
     * @param topP see {@link SamplingParams}
     * @param seed the sampling seed, the same for every sample
     */
    public record Params(
            @Default("500") long everyNSteps,
            @Default("true") boolean atEnd,
            @Default("\"\"") String prompt,
            @Default("200") int maxNewTokens,
            @Default("0.8") double temperature,
            @Default("200") int topK,
            @Default("1.0") double topP,
            @Default("1337") long seed) {

        public Params {
            InvalidValueException.require(everyNSteps >= 0, "every_n_steps", "must be >= 0 (0 = only at the end), got %d",
                    everyNSteps);
            InvalidValueException.require(maxNewTokens >= 1, "max_new_tokens", "must be >= 1, got %d", maxNewTokens);
            InvalidValueException.require(prompt != null, "prompt", "must be a text");
            new SamplingParams(temperature, topK, topP, seed);
        }
    }

    private final Params params;
    private final SamplingParams sampling;
    private Tokenizer tokenizer;
    private long[] promptIds;
    private long lastSampledStep = -1;

    public SampleText(Params params) {
        this.params = params;
        this.sampling = new SamplingParams(params.temperature(), params.topK(), params.topP(), params.seed());
    }

    @Override
    public String name() {
        return "sample_text";
    }

    @Override
    public void onFitStart(TrainerView trainer) {
        if (!(trainer.model() instanceof Gpt)) {
            throw new PylonUserException("callback sample_text needs a language model (model.name: gpt), got "
                    + trainer.model().getClass().getSimpleName() + "; remove sample_text from callbacks");
        }
        Path file = trainer.runDirectory().tokenizer();
        if (!Files.isRegularFile(file)) {
            throw new PylonUserException("callback sample_text needs the run's tokenizer " + file + ", which a text"
                    + " dataset saves; train on data.name: text or remove sample_text from callbacks");
        }
        tokenizer = Tokenizer.load(file);
        String text = params.prompt().isEmpty() ? "\n" : params.prompt();
        try {
            promptIds = tokenizer.encode(text);
        } catch (Tokenizer.UnknownSymbolException e) {
            if (!params.prompt().isEmpty()) {
                throw new PylonUserException("callbacks.sample_text.prompt: " + e.getMessage() + " (" + file
                        + "); use characters of the training text", e);
            }
            promptIds = new long[] {0};
        }
    }

    @Override
    public void onTrainBatchEnd(TrainerView trainer, StepResult step) {
        if (params.everyNSteps() > 0 && step.globalStep() % params.everyNSteps() == 0) {
            sample(trainer);
        }
    }

    @Override
    public void onFitEnd(TrainerView trainer) {
        if (params.atEnd() && lastSampledStep != trainer.position().globalStep()) {
            sample(trainer);
        }
    }

    private void sample(TrainerView trainer) {
        Gpt model = (Gpt) trainer.model();
        long[] ids = Tensors.toLongs(model.generate(Tensors.fromLongs(promptIds, 1, promptIds.length),
                params.maxNewTokens(), sampling, true, TokenListener.NONE));
        String prompt = tokenizer.decode(promptIds);
        String text = tokenizer.decode(Arrays.copyOfRange(ids, promptIds.length, ids.length));
        long step = trainer.position().globalStep();
        lastSampledStep = step;
        LOG.info("sample at step {}:\n{}{}", step, prompt, text);
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("step", step);
        line.put("epoch", trainer.position().epoch());
        line.put("prompt", prompt);
        line.put("text", text);
        append(trainer.runDirectory().samples(), line);
    }

    private static void append(Path file, Map<String, Object> line) {
        try {
            Files.writeString(file, JSON.writeValueAsString(line) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not encode a sample as JSON: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("could not append to " + file + ": " + e.getMessage(), e);
        }
    }
}
