package io.pylon.cli.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import io.pylon.engine.Device;
import io.pylon.engine.Engine;
import io.pylon.engine.EngineOptions;

/**
 * {@code pylon bench step}: the Fashion-MNIST CNN training step inside the Trainer (callbacks, metrics,
 * scheduler, NaN guard, metrics.jsonl) against a bare hand-written libtorch loop doing the same
 * forward/backward/AdamW step, alternating rounds in one process. Prints the median per-step time of
 * each and the Trainer's overhead.
 */
@Command(name = "step", description = "Trainer step vs a bare libtorch loop on the Fashion-MNIST CNN (overhead ratio).")
public final class BenchStepCommand implements Callable<Integer> {

    @Option(names = "--steps", defaultValue = "100", description = "steps per round (default ${DEFAULT-VALUE})")
    int steps;

    @Option(names = "--rounds", defaultValue = "5", description = "alternating rounds (default ${DEFAULT-VALUE})")
    int rounds;

    @Option(names = "--batch-size", defaultValue = "128", description = "default ${DEFAULT-VALUE}")
    int batchSize;

    @Option(names = "--device", defaultValue = "auto", description = "auto, cpu or cuda[:N] (default ${DEFAULT-VALUE})")
    String device;

    @Option(names = "--threads", defaultValue = "0", description = "intra-op threads, 0 = cores (default ${DEFAULT-VALUE})")
    int threads;

    @Option(names = "--onednn", description = "let CPU operators use oneDNN (off by default, see README)")
    boolean onednn;

    @Override
    public Integer call() throws Exception {
        Engine.start(new EngineOptions(threads, onednn));
        Device target = Device.parse(device).requireAvailable();
        Path scratch = Files.createTempDirectory("pylon-bench-step");
        StepLoops loops = new StepLoops(target, batchSize, steps, scratch);
        loops.trainerRound();
        loops.bareRound();
        double[] trainer = new double[rounds];
        double[] bare = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            trainer[r] = loops.trainerRound();
            bare[r] = loops.bareRound();
            System.out.printf(Locale.ROOT, "round %d: trainer %.3f ms/step, bare loop %.3f ms/step%n", r + 1, trainer[r], bare[r]);
        }
        double t = median(trainer);
        double b = median(bare);
        double[] ratios = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            ratios[r] = trainer[r] / bare[r];
        }
        System.out.printf(Locale.ROOT, "Fashion-MNIST CNN, batch %d, %s, %d threads, oneDNN %s: trainer %.3f ms/step, bare %.3f ms/step,"
                + " ratio %.4f (trainer overhead %+.2f%%)%n", batchSize, target, Engine.intraOpThreads(), onednn ? "on" : "off", t, b, t / b,
                (t / b - 1) * 100);
        System.out.printf(Locale.ROOT, "median of per-round ratios (each round's two halves ran back to back): %.4f%n",
                median(ratios));
        return 0;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
