package io.pylon.cli.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import io.pylon.engine.Device;
import io.pylon.engine.Engine;
import io.pylon.engine.EngineOptions;
import io.pylon.models.gpt.Gpt;
import io.pylon.models.gpt.GptParams;

/**
 * {@code pylon bench lm}: training tokens/s of the Trainer on examples/shakespeare-char.yaml's baby GPT (compare
 * with {@code bench/lm/peer_gpt.py}, the same model and step in PyTorch), then generation tokens/s with and
 * without the KV cache for both example models.
 */
@Command(name = "lm", description = "Language model: training tokens/s of the baby GPT; generation with vs without KV cache.")
public final class BenchLmCommand implements Callable<Integer> {

    @Option(names = "--steps", defaultValue = "100", description = "training steps per round (default ${DEFAULT-VALUE})")
    int steps;

    @Option(names = "--rounds", defaultValue = "3", description = "training rounds (default ${DEFAULT-VALUE})")
    int rounds;

    @Option(names = "--batch-size", defaultValue = "12", description = "default ${DEFAULT-VALUE}")
    int batchSize;

    @Option(names = "--new-tokens", defaultValue = "500", description = "tokens per generation (default ${DEFAULT-VALUE})")
    int newTokens;

    @Option(names = "--skip-generation", description = "only the training rounds")
    boolean skipGeneration;

    @Option(names = "--device", defaultValue = "auto", description = "auto, cpu or cuda[:N] (default ${DEFAULT-VALUE})")
    String device;

    @Option(names = "--threads", defaultValue = "0", description = "intra-op threads, 0 = cores (default ${DEFAULT-VALUE})")
    int threads;

    @Override
    public Integer call() throws Exception {
        Engine.start(new EngineOptions(threads));
        Device target = Device.parse(device).requireAvailable();
        Path scratch = Files.createTempDirectory("pylon-bench-lm");
        new LmLoops(target, batchSize, Math.max(10, steps / 5), scratch.resolve("warm-up")).trainerTokensPerSecond();
        LmLoops loops = new LmLoops(target, batchSize, steps, scratch);
        for (int r = 0; r < rounds; r++) {
            System.out.printf(Locale.ROOT, "round %d: trainer %.0f tokens/s (baby GPT, batch %d x %d, %s, %d threads)%n",
                    r + 1, loops.trainerTokensPerSecond(), batchSize, LmLoops.BABY.blockSize(), target,
                    Engine.intraOpThreads());
        }
        if (!skipGeneration) {
            generation(loops, "baby GPT (block 64)", LmLoops.BABY);
            generation(loops, "shakespeare-gpt (6 x 384, block 256)", LmLoops.SHAKESPEARE);
        }
        return 0;
    }

    private void generation(LmLoops loops, String name, GptParams params) {
        Gpt model = loops.model(params);
        LmLoops.generationTokensPerSecond(model, Math.min(newTokens, 50), true);
        LmLoops.generationTokensPerSecond(model, Math.min(newTokens, 50), false);
        double cached = LmLoops.generationTokensPerSecond(model, newTokens, true);
        double uncached = LmLoops.generationTokensPerSecond(model, newTokens, false);
        System.out.printf(Locale.ROOT, "generate %d tokens, %s: KV cache %.0f tokens/s, no cache %.0f tokens/s,"
                + " %.1fx%n", newTokens, name, cached, uncached, cached / uncached);
    }
}
