package io.pylon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.pylon.testing.FakeFashionMnist;

/** {@code pylon train -m}: the cross product as run folders under one sweep folder, and a summary table. */
class MultirunTest {

    @TempDir
    Path dir;

    private String[] multirun(Path data, String... sweep) {
        List<String> args = new ArrayList<>(List.of("train", "-m",
                ConfigCommandTest.EXAMPLES.resolve("fashion-mnist.yaml").toString(),
                "data.root=" + data, "data.val_size=50", "data.batch_size=50", "data.eval_batch_size=100",
                "model.channels=[4, 8]", "model.hidden=16", "schedule.warmup_steps=2", "trainer.max_epochs=1",
                "trainer.threads=1", "experiment.runs_dir=" + dir.resolve("runs")));
        args.addAll(List.of(sweep));
        return args.toArray(String[]::new);
    }

    @Test
    void runsTheCrossProductAsRunFoldersOfOneSweep() throws IOException {
        Path data = FakeFashionMnist.write(Files.createDirectories(dir.resolve("data")), 150, 50, 1);
        CliRun run = CliRun.of(multirun(data, "optim.lr=1e-3,1e-2", "seed=range(2)"));
        assertThat(run.exitCode()).as(run.err()).isZero();
        Path sweep;
        try (Stream<Path> dirs = Files.list(dir.resolve("runs/fashion-mnist"))) {
            sweep = dirs.filter(p -> p.getFileName().toString().startsWith("multirun-")).findFirst().orElseThrow();
        }
        for (int i = 0; i < 4; i++) {
            assertThat(sweep.resolve(i + "/config.yaml")).exists();
            assertThat(sweep.resolve(i + "/checkpoints/last.ckpt")).exists();
        }
        assertThat(sweep.resolve("0/config.yaml")).content().contains("lr: 0.001").contains("seed: 0");
        assertThat(sweep.resolve("3/config.yaml")).content().contains("lr: 0.01").contains("seed: 1");
        List<String> summary = Files.readAllLines(sweep.resolve("summary.tsv"));
        assertThat(summary).hasSize(5);
        assertThat(summary.getFirst()).contains("test/accuracy").contains("val/loss");
        assertThat(summary.get(4)).startsWith("3\tok\t").endsWith("optim.lr=1e-2 seed=1");
        assertThat(run.out()).contains("multirun: 4 runs");
    }

    @Test
    void jobsRunAsLocalProcesses() throws IOException {
        Path data = FakeFashionMnist.write(Files.createDirectories(dir.resolve("data")), 150, 50, 1);
        CliRun run = CliRun.of(multirun(data, "optim.lr=1e-3,1e-2", "--jobs", "2"));
        assertThat(run.exitCode()).as(run.err() + run.out()).isZero();
        assertThat(run.out()).contains("multirun: 2 runs").contains("\n0 ok ").contains("\n1 ok ");
    }

    @Test
    void badSweepIsOneErrorBeforeAnyRun() throws IOException {
        Path data = FakeFashionMnist.write(Files.createDirectories(dir.resolve("data")), 150, 50, 1);
        CliRun run = CliRun.of(multirun(data, "optim.lr=1e-3,1e-2", "trainer.max_epochs=1,0"));
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("error: ").contains("max_epochs");
        CliRun interval = CliRun.of(multirun(data, "optim.lr=interval(0.001, 0.1)"));
        assertThat(interval.err()).startsWith("error: ").contains("pylon tune");
        assertThat(dir.resolve("runs")).doesNotExist();
    }
}
