package io.pylon.trainer;

import static io.pylon.trainer.TrainerTest.stepLosses;
import static io.pylon.trainer.TrainerTest.weights;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.pylon.checkpoint.CorruptFileException;
import io.pylon.run.RunDirectory;
import io.pylon.testing.HookRecorder;
import io.pylon.testing.TrainerFixture;
import io.pylon.trainer.callback.Callback;
import io.pylon.trainer.callback.ModelCheckpoint;

class ResumeTest {

    @TempDir
    Path runs;

    /** Simulates a crash: throws at a given step, after the checkpoint callback of an earlier step ran. */
    private record CrashAt(long step) implements Callback {
        @Override
        public String name() {
            return "crash";
        }

        @Override
        public void onTrainBatchEnd(TrainerView trainer, StepResult result) {
            if (result.globalStep() == step) {
                throw new IllegalStateException("simulated crash at step " + step);
            }
        }
    }

    private static TrainerFixture fixture() {
        // 6 batches per epoch, 3 epochs; a decaying schedule so that a wrong step count would show
        return new TrainerFixture().seed(3).samples(96).batchSize(16)
                .config(TrainerFixture.trainerConfig(3, 0, 1, 0))
                .schedule("{name: cosine}")
                .checkpoint(new ModelCheckpoint.Params("val/accuracy", 2, 4, true));
    }

    @Test
    void resumedRunMatchesUninterruptedRun() {
        List<Double> expectedLosses;
        float[] expectedWeights;
        try (Trainer t = fixture().build(runs, "full")) {
            t.fit();
            expectedLosses = stepLosses(t.runDirectory().metrics());
            expectedWeights = weights(t);
        }
        RunDirectory dir;
        // crash in epoch 1 at step 9 (mid-epoch): last.ckpt was written at step 8 (every 4 steps)
        try (Trainer t = fixture().callback(new CrashAt(9)).build(runs, "crashed")) {
            dir = t.runDirectory();
            assertThatThrownBy(t::fit).hasMessageContaining("simulated crash");
        }
        HookRecorder recorder = new HookRecorder();
        try (Trainer t = fixture().callback(recorder).resume(dir, dir.lastCheckpoint(), 8)) {
            assertThat(t.position()).isEqualTo(new LoopState(1, 2, 8));
            t.fit();
            assertThat(stepLosses(dir.metrics())).isEqualTo(expectedLosses);
            assertThat(weights(t)).isEqualTo(expectedWeights);
        }
        assertThat(recorder.calls().get(0)).isEqualTo("checkpoint_load:last.ckpt");
        assertThat(recorder.calls()).contains("batch_end:9").doesNotContain("batch_end:8", "epoch_start:1");
    }

    @Test
    void resumedAugmentedRunMatchesUninterruptedRunWhateverTheLoaderThreads() {
        List<Double> expectedLosses;
        float[] expectedWeights;
        try (Trainer t = fixture().augmented(1).build(runs, "augmented-full")) {
            t.fit();
            expectedLosses = stepLosses(t.runDirectory().metrics());
            expectedWeights = weights(t);
        }
        RunDirectory dir;
        try (Trainer t = fixture().augmented(3).callback(new CrashAt(9)).build(runs, "augmented-crashed")) {
            dir = t.runDirectory();
            assertThatThrownBy(t::fit).hasMessageContaining("simulated crash");
        }
        try (Trainer t = fixture().augmented(2).resume(dir, dir.lastCheckpoint(), 8)) {
            t.fit();
            assertThat(stepLosses(dir.metrics())).isEqualTo(expectedLosses);
            assertThat(weights(t)).isEqualTo(expectedWeights);
        }
    }

    @Test
    void corruptCheckpointIsRefusedBeforeAnythingIsLoaded() throws IOException {
        RunDirectory dir;
        float[] fresh;
        try (Trainer t = fixture().build(runs, "c")) {
            t.fit();
            dir = t.runDirectory();
        }
        try (RandomAccessFile raf = new RandomAccessFile(dir.lastCheckpoint().toFile(), "rw")) {
            raf.seek(raf.length() / 2);
            int b = raf.read();
            raf.seek(raf.length() / 2);
            raf.write(b ^ 0xFF);
        }
        try (Trainer t = fixture().build(runs, "d")) {
            fresh = weights(t);
            assertThatThrownBy(() -> t.restore(dir.lastCheckpoint()))
                    .isInstanceOf(CorruptFileException.class).hasMessageContaining("last.ckpt");
            assertThat(weights(t)).isEqualTo(fresh);
            assertThat(t.position()).isEqualTo(LoopState.START);
        }
    }

    @Test
    void bestCheckpointsAreKeptByMonitoredMetric() throws IOException {
        try (Trainer t = fixture().build(runs, "best")) {
            t.fit();
            try (var files = java.nio.file.Files.list(t.runDirectory().checkpoints())) {
                List<String> names = files.map(p -> p.getFileName().toString()).sorted().toList();
                assertThat(names).contains("last.ckpt");
                assertThat(names.stream().filter(n -> n.startsWith("best-"))).hasSizeBetween(1, 2);
            }
        }
    }
}
