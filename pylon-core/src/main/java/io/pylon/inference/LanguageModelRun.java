package io.pylon.inference;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import io.pylon.PylonUserException;
import io.pylon.config.Binder;
import io.pylon.config.Config;
import io.pylon.config.ConfigNode;
import io.pylon.config.ScalarNode;
import io.pylon.data.DataSpec;
import io.pylon.data.format.Tokenizer;
import io.pylon.models.gpt.Gpt;
import io.pylon.models.gpt.GptParams;
import io.pylon.models.weights.FineTuning;
import io.pylon.models.weights.LoadOptions;
import io.pylon.models.weights.Weights;
import io.pylon.run.RunDirectory;
import io.pylon.trainer.RunConfig;

/**
 * A trained language model back from its run directory: the {@code gpt} model rebuilt from the run's
 * {@code config.yaml} over the vocabulary of its {@code tokenizer.json}, with the weights of one of its
 * checkpoints. The engine must be started.
 *
 * @param model the model, in eval mode, on the CPU
 * @param tokenizer the tokenizer the run was trained with
 * @param checkpoint the file the weights came from
 */
public record LanguageModelRun(Gpt model, Tokenizer tokenizer, Path checkpoint) {

    /**
     * Loads the run in {@code runDirectory} with the checkpoint {@code choice}: {@code best}, {@code last}, a
     * file, or empty for best if the run kept one, else last.
     *
     * @throws PylonUserException for a folder that is no run, a run without a tokenizer, a model other than gpt,
     *     or a checkpoint whose tensors do not fit the model (each message names the file and what to do)
     */
    public static LanguageModelRun load(Path runDirectory, Optional<String> choice) {
        RunDirectory run = RunDirectory.existing(runDirectory);
        Tokenizer tokenizer = tokenizer(run);
        RunConfig config = Binder.bind(Config.load(run.config(), List.of()).root(), "", RunConfig.class);
        String modelName = modelName(config, run);
        if (!modelName.equals("gpt")) {
            throw new PylonUserException(run.config() + ": model '" + modelName + "' is not a language model; text"
                    + " generation needs a run trained with model.name: gpt");
        }
        GptParams params = Binder.bind(FineTuning.modelParams(config.model()).without("name"), "model",
                GptParams.class);
        Gpt model = new Gpt(params, new DataSpec(new long[] {params.blockSize()}, tokenizer.vocabSize()));
        Path checkpoint = CheckpointChoice.resolve(run, choice);
        try {
            Weights.load(model, checkpoint, LoadOptions.strictLoad());
        } catch (PylonUserException e) {
            throw new PylonUserException(checkpoint + " does not fit the model of " + run.config() + " (gpt, "
                    + params.nLayers() + " layers, d_model " + params.dModel() + ", vocabulary "
                    + tokenizer.vocabSize() + "): " + e.getMessage().replace('\n', ' ')
                    + "; pass a checkpoint of this run (--checkpoint best, last or one of " + run.checkpoints() + ")",
                    e);
        }
        model.eval();
        return new LanguageModelRun(model, tokenizer, checkpoint);
    }

    private static Tokenizer tokenizer(RunDirectory run) {
        Path file = run.tokenizer();
        if (!Files.isRegularFile(file)) {
            throw new PylonUserException(run.path() + " has no " + RunDirectory.TOKENIZER + ": the run was not"
                    + " trained on a text dataset, or by a Pylon that did not keep tokenizers; save the vocabulary its"
                    + " data used (data.train.vocab, or Tokenizer.save) as " + file);
        }
        return Tokenizer.load(file);
    }

    private static String modelName(RunConfig config, RunDirectory run) {
        ConfigNode name = config.model().get("name").orElse(null);
        if (name instanceof ScalarNode s && s.value() instanceof String text) {
            return text;
        }
        throw new PylonUserException(run.config() + ": model.name is missing; this is not a complete run config");
    }
}
