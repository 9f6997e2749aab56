package io.pylon.track;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.SplittableRandom;

import io.pylon.run.RunDirectory;
import io.pylon.run.RunState;
import io.pylon.run.RunStatus;

/**
 * Writes run directories that look like {@code pylon train}'s (config.yaml, metrics.jsonl in
 * MetricsLog's format, status.json) for benchmarks and tests of the index and the viewer, without
 * training anything. Curves are seeded decaying losses, so groups of seeds have a real spread.
 */
public final class SyntheticRuns {

    private SyntheticRuns() {
    }

    /** One run {@code experiment/name} with {@code steps} train losses and a validation every {@code valEvery} steps. */
    public static Path write(Path root, String experiment, String name, double lr, long seed, int steps, int valEvery,
                             RunState state) {
        Path dir = root.resolve(experiment).resolve(name);
        try {
            Files.createDirectories(dir.resolve("checkpoints"));
            Files.writeString(dir.resolve(RunDirectory.CONFIG), config(experiment, name, lr, seed), StandardCharsets.UTF_8);
            SplittableRandom random = new SplittableRandom(seed * 31 + Double.hashCode(lr));
            double rate = 2e-3 * (1 + 100 * lr);
            try (BufferedWriter out = Files.newBufferedWriter(dir.resolve(RunDirectory.METRICS), StandardCharsets.UTF_8)) {
                for (int step = 1; step <= steps; step++) {
                    double loss = 0.2 + 2.0 * Math.exp(-rate * step) + 0.05 * random.nextGaussian();
                    out.write(line(step, "train", "\"loss\":" + loss + ",\"lr\":" + lr));
                    if (step % valEvery == 0) {
                        double val = 0.25 + 2.0 * Math.exp(-rate * step) + 0.02 * random.nextGaussian();
                        double accuracy = Math.min(1, 1 - val / 2.5 + 0.01 * random.nextGaussian());
                        out.write(line(step, "val", "\"loss\":" + val + ",\"accuracy\":" + accuracy));
                    }
                }
            }
            Instant start = Instant.parse("2026-01-01T00:00:00Z").plusSeconds(seed * 60);
            Instant end = start.plusSeconds(steps / 10 + 1);
            new RunStatus(state, 1, "synthetic-host", start, end,
                    state == RunState.RUNNING ? Optional.empty() : Optional.of(end), steps,
                    state == RunState.FAILED ? "TrainingDivergedException: loss became NaN" : "", "git:synthetic")
                    .write(dir.resolve(RunStatus.FILE));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write synthetic run " + dir + ": " + e.getMessage(), e);
        }
    }

    public static String config(String experiment, String name, double lr, long seed) {
        return "experiment:\n  name: " + experiment + "\n  run_name: " + name + "\nseed: " + seed + "\n"
                + "model:\n  name: mlp\n  hidden: 64\noptim:\n  name: adamw\n  lr: " + lr + "\n"
                + "trainer:\n  max_epochs: 10\n";
    }

    static String line(long step, String split, String values) {
        return "{\"step\":" + step + ",\"epoch\":" + (step / 100) + ",\"split\":\"" + split + "\"," + values + "}\n";
    }
}
