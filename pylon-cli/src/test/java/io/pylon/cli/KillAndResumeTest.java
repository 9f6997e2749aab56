package io.pylon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.pylon.checkpoint.CheckpointFile;
import io.pylon.checkpoint.StoredTensor;
import io.pylon.run.MetricsLog;
import io.pylon.testing.FakeFashionMnist;

/**
 * A training process killed with SIGKILL in the middle of an epoch, or stopped with SIGTERM before its first
 * checkpoint, then resumed with {@code pylon train --resume}, ends with the same per-step losses and the same
 * weights as a run that was never interrupted.
 */
@Tag("slow")
class KillAndResumeTest {

    @TempDir
    Path dir;

    private Process pylon(Path log, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static List<Double> stepLosses(Path runDir) {
        return MetricsLog.read(runDir.resolve("metrics.jsonl")).stream()
                .filter(r -> r.path("split").asText().equals("train") && r.has("loss"))
                .map(r -> r.path("loss").asDouble()).toList();
    }

    private static Map<String, StoredTensor> finalWeights(Path runDir) {
        Map<String, StoredTensor> all = CheckpointFile.read(runDir.resolve("checkpoints/last.ckpt")).tensors();
        Map<String, StoredTensor> model = new java.util.TreeMap<>();
        all.forEach((k, v) -> {
            if (k.startsWith("model/")) {
                model.put(k, v);
            }
        });
        return model;
    }

    @Test
    void processKilledMidEpochResumesToTheSameLossesAndWeights() throws Exception {
        Path data = FakeFashionMnist.write(Files.createDirectories(dir.resolve("data")), 2100, 100, 2);
        Path runs = dir.resolve("runs");
        String[] extra = {"trainer.max_epochs=3", "callbacks=[{name: model_checkpoint, every_n_steps: 3}]"};

        Process full = pylon(dir.resolve("full.log"), TrainCommandTest.smallRun(data, runs, "full", extra));
        assertThat(full.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(full.exitValue()).as(Files.readString(dir.resolve("full.log"))).isZero();

        Path killedDir = runs.resolve("fashion-mnist/killed");
        Process killed = pylon(dir.resolve("killed.log"), TrainCommandTest.smallRun(data, runs, "killed", extra));
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (killed.isAlive() && System.nanoTime() < deadline) {
            if (Files.exists(killedDir.resolve("metrics.jsonl")) && stepLosses(killedDir).size() >= 7) {
                break;
            }
            Thread.sleep(2);
        }
        assertThat(killed.isAlive()).as("still training when killed").isTrue();
        killed.destroyForcibly().waitFor();
        int stepsBeforeKill = stepLosses(killedDir).size();
        assertThat(stepsBeforeKill).as("killed mid-epoch (40 steps per epoch)").isLessThan(40);

        Process resumed = pylon(dir.resolve("resumed.log"), "train", "--resume", killedDir.toString());
        assertThat(resumed.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(resumed.exitValue()).as(Files.readString(dir.resolve("resumed.log"))).isZero();

        Path fullDir = runs.resolve("fashion-mnist/full");
        assertThat(stepLosses(killedDir)).hasSize(120).isEqualTo(stepLosses(fullDir));
        Map<String, StoredTensor> expected = finalWeights(fullDir);
        Map<String, StoredTensor> actual = finalWeights(killedDir);
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        expected.forEach((name, t) -> assertThat(actual.get(name).data()).as(name).isEqualTo(t.data()));
    }

    @Test
    void sigtermBeforeTheFirstCheckpointSavesThenResumesInTwoLegsToTheSameLossesAndWeights() throws Exception {
        Path data = FakeFashionMnist.write(Files.createDirectories(dir.resolve("data")), 2100, 100, 2);
        Path runs = dir.resolve("runs");
        // no periodic checkpoint: before the first epoch end only the signal's save can make the run resumable;
        // a constant schedule, whose value does not depend on max_steps, so extending by max_steps is exact
        String[] extra = {"trainer.max_epochs=2", "schedule.name=constant",
                "callbacks=[{name: model_checkpoint, every_n_steps: 0}]"};

        Process full = pylon(dir.resolve("full.log"), TrainCommandTest.smallRun(data, runs, "full", extra));
        assertThat(full.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(full.exitValue()).as(Files.readString(dir.resolve("full.log"))).isZero();

        Path stoppedDir = runs.resolve("fashion-mnist/stopped");
        Process stopped = pylon(dir.resolve("stopped.log"), TrainCommandTest.smallRun(data, runs, "stopped", extra));
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (stopped.isAlive() && System.nanoTime() < deadline) {
            if (Files.exists(stoppedDir.resolve("metrics.jsonl")) && stepLosses(stoppedDir).size() >= 7) {
                break;
            }
            Thread.sleep(2);
        }
        assertThat(stopped.isAlive()).as("still training when signalled").isTrue();
        stopped.destroy(); // SIGTERM, as Slurm sends a preempted job
        assertThat(stopped.waitFor(2, TimeUnit.MINUTES)).isTrue();
        String log = Files.readString(dir.resolve("stopped.log"));
        assertThat(stopped.exitValue()).as(log).isEqualTo(143);
        assertThat(log).contains("SIGTERM received").contains("pylon train --resume");
        int stepsBeforeSignal = stepLosses(stoppedDir).size();
        assertThat(stepsBeforeSignal).as("stopped in the first epoch (40 steps)").isLessThan(40);
        assertThat(stoppedDir.resolve("checkpoints/last.ckpt")).exists();

        // leg 1 ends at max_steps in mid-epoch; leg 2 lifts the limit and finishes the 2 epochs
        Process leg1 = pylon(dir.resolve("leg1.log"), "train", "--resume", stoppedDir.toString(), "trainer.max_steps=50");
        assertThat(leg1.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(leg1.exitValue()).as(Files.readString(dir.resolve("leg1.log"))).isZero();
        assertThat(stepLosses(stoppedDir)).hasSize(50);
        Process leg2 = pylon(dir.resolve("leg2.log"), "train", "--resume", stoppedDir.toString(), "trainer.max_steps=0");
        assertThat(leg2.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(leg2.exitValue()).as(Files.readString(dir.resolve("leg2.log"))).isZero();

        Path fullDir = runs.resolve("fashion-mnist/full");
        assertThat(stepLosses(stoppedDir)).hasSize(80).isEqualTo(stepLosses(fullDir));
        Map<String, StoredTensor> expected = finalWeights(fullDir);
        Map<String, StoredTensor> actual = finalWeights(stoppedDir);
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        expected.forEach((name, t) -> assertThat(actual.get(name).data()).as(name).isEqualTo(t.data()));
    }
}
