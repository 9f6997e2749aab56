package io.pylon.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import io.pylon.PylonUserException;
import io.pylon.config.InvalidValueException;
import io.pylon.engine.Engine;
import io.pylon.engine.EngineOptions;
import io.pylon.inference.LanguageModelRun;
import io.pylon.inference.TextGeneration;
import io.pylon.models.gpt.SamplingParams;

/** {@code pylon generate RUN_DIR --prompt TEXT ...}: text from a trained language model, streamed as it is made. */
@Command(name = "generate", description = "Generate text with the language model of a run directory.")
final class GenerateCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "a run directory of `pylon train` with model gpt")
    Path runDirectory;

    @Option(names = "--checkpoint", paramLabel = "best|last|FILE",
            description = "which weights: best, last or a checkpoint file (default: best if kept, else last)")
    String checkpoint;

    @Option(names = "--prompt", description = "text to continue (default: a newline)")
    String prompt = "\n";

    @Option(names = "--max-new-tokens", paramLabel = "N", description = "tokens to generate (default: 500)")
    int maxNewTokens = 500;

    @Option(names = "--temperature", paramLabel = "T", description = "logit divisor, > 0 (default: 1.0)")
    double temperature = 1.0;

    @Option(names = "--top-k", paramLabel = "K", description = "keep the K most likely tokens, 0 = all (default: 0)")
    int topK;

    @Option(names = "--top-p", paramLabel = "P", description = "nucleus mass in (0, 1], 1 = off (default: 1.0)")
    double topP = 1.0;

    @Option(names = "--seed", paramLabel = "S", description = "sampling seed (default: 0)")
    long seed;

    @Option(names = "--stream", description = "print each token as it is made (default: print the text at the end)")
    boolean stream;

    @Option(names = "--no-cache", description = "recompute the whole context for every token (no KV cache; slower)")
    boolean noCache;

    @Option(names = "--threads", paramLabel = "N", description = "intra-op threads, 0 = one per core (default: 1, the fastest for one sequence)")
    int threads = 1;

    @Option(names = "--debug", description = "show stack traces for user errors")
    boolean debug;

    @Override
    public Integer call() {
        if (maxNewTokens < 1) {
            throw new PylonUserException("--max-new-tokens must be >= 1, got " + maxNewTokens);
        }
        SamplingParams sampling;
        try {
            sampling = new SamplingParams(temperature, topK, topP, seed);
        } catch (InvalidValueException e) {
            throw new PylonUserException("--" + e.key().replace('_', '-') + " " + e.getMessage(), e);
        }
        Engine.start(new EngineOptions(threads));
        LanguageModelRun run = LanguageModelRun.load(runDirectory, Optional.ofNullable(checkpoint));
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        if (stream) {
            out.print(prompt);
        }
        TextGeneration.Result result = TextGeneration.generate(run, prompt, maxNewTokens, sampling, !noCache,
                piece -> {
                    if (stream) {
                        out.print(piece);
                        out.flush();
                    }
                });
        if (!stream) {
            out.print(prompt);
            out.print(result.text());
        }
        out.println();
        System.err.printf(Locale.ROOT, "%d tokens in %.2f s: %.0f tokens/s (%s, %s)%n", result.newTokens(),
                result.seconds(), result.tokensPerSecond(), noCache ? "no KV cache" : "KV cache",
                run.checkpoint());
        return 0;
    }
}
