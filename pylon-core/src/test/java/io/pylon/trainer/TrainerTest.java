package io.pylon.trainer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.assertj.core.data.Offset;
import org.bytedeco.pytorch.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.pylon.engine.Tensors;
import io.pylon.nn.ModuleTensors;
import io.pylon.optim.OptimConfig;
import io.pylon.run.MetricsLog;
import io.pylon.run.RunDirectory;
import io.pylon.testing.HookRecorder;
import io.pylon.testing.TrainerFixture;
import io.pylon.trainer.callback.Callback;

class TrainerTest {

    @TempDir
    Path runs;

    static List<Double> stepLosses(Path metrics) {
        return MetricsLog.read(metrics).stream()
                .filter(n -> n.path("split").asText().equals("train") && n.has("loss"))
                .map(n -> n.path("loss").asDouble()).toList();
    }

    static float[] weights(Trainer trainer) {
        Map<String, Tensor> state = ModuleTensors.stateDict(trainer.model().module());
        return state.values().stream().map(Tensors::toFloats)
                .reduce(new float[0], (a, b) -> {
                    float[] out = Arrays.copyOf(a, a.length + b.length);
                    System.arraycopy(b, 0, out, a.length, b.length);
                    return out;
                });
    }

    @Test
    void hooksRunInDocumentedOrder() {
        HookRecorder recorder = new HookRecorder();
        try (Trainer trainer = new TrainerFixture().samples(32).batchSize(16).callback(recorder).build(runs, "hooks")) {
            trainer.fit();
        }
        // the recorder sits before model_checkpoint, which always runs last
        assertThat(recorder.calls()).map(c -> c.replaceAll("val_loss=[0-9]+[.][0-9]+", "val_loss=X")).containsExactly(
                "fit_start",
                "epoch_start:0", "batch_end:1", "batch_end:2", "val_end:2",
                "checkpoint_save:best-epoch=0-step=2-val_loss=X.ckpt", "epoch_end:0", "checkpoint_save:last.ckpt",
                "epoch_start:1", "batch_end:3", "batch_end:4", "val_end:4",
                "checkpoint_save:best-epoch=1-step=4-val_loss=X.ckpt", "epoch_end:1", "checkpoint_save:last.ckpt",
                "fit_end");
    }

    @Test
    void lossFallsOnALearnableProblem() {
        try (Trainer trainer = new TrainerFixture().samples(256).config(TrainerFixture.trainerConfig(8, 0, 1, 0))
                .build(runs, "learn")) {
            trainer.fit();
            List<Double> losses = stepLosses(trainer.runDirectory().metrics());
            double first = losses.subList(0, 5).stream().mapToDouble(d -> d).average().orElseThrow();
            double last = losses.subList(losses.size() - 5, losses.size()).stream().mapToDouble(d -> d).average().orElseThrow();
            assertThat(last).isLessThan(first * 0.6);
            assertThat(trainer.validate().values().get("accuracy")).isGreaterThan(0.6);
        }
    }

    @Test
    void sameSeedGivesSameLossesAndWeights() {
        float[] a;
        float[] b;
        List<Double> la;
        List<Double> lb;
        try (Trainer t = new TrainerFixture().seed(5).build(runs, "a")) {
            t.fit();
            a = weights(t);
            la = stepLosses(t.runDirectory().metrics());
        }
        try (Trainer t = new TrainerFixture().seed(5).build(runs, "b")) {
            t.fit();
            b = weights(t);
            lb = stepLosses(t.runDirectory().metrics());
        }
        assertThat(lb).isEqualTo(la);
        assertThat(b).isEqualTo(a);
    }

    @Test
    void resultsDoNotDependOnThreadCount() {
        float[] one;
        float[] two;
        try (Trainer t = new TrainerFixture().seed(9).threads(1).build(runs, "t1")) {
            t.fit();
            one = weights(t);
        }
        try (Trainer t = new TrainerFixture().seed(9).threads(2).build(runs, "t2")) {
            t.fit();
            two = weights(t);
        }
        assertThat(two).isEqualTo(one);
    }

    @Test
    void epochResultsReportTheShareOfTimeSpentWaitingForData() {
        List<Double> waits = new ArrayList<>();
        try (Trainer trainer = new TrainerFixture().callback(new Callback() {
            @Override
            public String name() {
                return "wait_recorder";
            }

            @Override
            public void onEpochEnd(TrainerView view, EvalResult train) {
                waits.add(train.values().get("data_wait_pct"));
            }
        }).build(runs, "wait")) {
            trainer.fit();
        }
        assertThat(waits).hasSize(2).allSatisfy(w -> assertThat(w).isBetween(0.0, 100.0));
    }

    @Test
    void dataWaitIsTimedWithTheInjectedTicker() {
        long[] now = {0};
        List<Double> waits = new ArrayList<>();
        Ticker oneTickPerRead = () -> now[0]++;
        try (Trainer trainer = new TrainerFixture().samples(32).batchSize(16).ticker(oneTickPerRead)
                .callback(new Callback() {
                    @Override
                    public String name() {
                        return "wait_recorder";
                    }

                    @Override
                    public void onEpochEnd(TrainerView view, EvalResult train) {
                        waits.add(train.values().get("data_wait_pct"));
                    }
                }).build(runs, "ticker")) {
            trainer.fit();
        }
        // per epoch: 3 hasNext + 2 next, each timed by two reads one tick apart (5 ticks of waiting), inside an
        // epoch that spans 11 ticks (the start read, those 10 reads, the end read)
        assertThat(waits).containsExactly(100.0 * 5 / 11, 100.0 * 5 / 11);
    }

    @Test
    void runStoppedByMaxStepsInMidEpochLeavesALastCheckpointThatExtendsExactly() {
        List<Double> expectedLosses;
        float[] expectedWeights;
        TrainerFixture full = new TrainerFixture().seed(5).config(TrainerFixture.trainerConfig(3, 0, 1, 0));
        try (Trainer t = full.build(runs, "uninterrupted")) {
            t.fit();
            expectedLosses = stepLosses(t.runDirectory().metrics());
            expectedWeights = weights(t);
        }
        RunDirectory dir;
        // 6 batches per epoch: max_steps 8 stops in epoch 1, where no periodic checkpoint falls
        try (Trainer t = new TrainerFixture().seed(5).config(TrainerFixture.trainerConfig(3, 8, 1, 0))
                .build(runs, "short")) {
            FitResult result = t.fit();
            assertThat(result.position()).isEqualTo(new LoopState(1, 2, 8));
            dir = t.runDirectory();
        }
        try (Trainer t = new TrainerFixture().seed(5).config(TrainerFixture.trainerConfig(3, 0, 1, 0))
                .resume(dir, dir.lastCheckpoint(), 8)) {
            assertThat(t.position()).isEqualTo(new LoopState(1, 2, 8));
            t.fit();
            assertThat(stepLosses(dir.metrics())).isEqualTo(expectedLosses);
            assertThat(weights(t)).isEqualTo(expectedWeights);
        }
    }

    @Test
    void stopRequestEndsAtAStepBoundaryAndSavesTheLastCheckpoint() {
        HookRecorder recorder = new HookRecorder();
        try (Trainer t = new TrainerFixture().callback(recorder).callback(new Callback() {
            @Override
            public String name() {
                return "stopper";
            }

            @Override
            public void onTrainBatchEnd(TrainerView view, StepResult step) {
                if (step.globalStep() == 3) {
                    view.requestStop("SIGTERM");
                }
            }
        }).build(runs, "stopped")) {
            FitResult result = t.fit();
            assertThat(result.stopReason()).isEqualTo("SIGTERM");
            assertThat(result.position()).isEqualTo(new LoopState(0, 3, 3));
            assertThat(TrainerCheckpoints.position(t.runDirectory().lastCheckpoint(),
                    io.pylon.checkpoint.CheckpointFile.read(t.runDirectory().lastCheckpoint())))
                    .isEqualTo(new LoopState(0, 3, 3));
        }
        // the recorder runs before model_checkpoint, which saves last.ckpt as fit ends
        assertThat(recorder.calls()).endsWith("batch_end:3", "fit_end", "checkpoint_save:last.ckpt");
    }

    @Test
    void testPassCallsOnTestEndOnlyAndSelectsNoCheckpoint() throws java.io.IOException {
        HookRecorder recorder = new HookRecorder();
        try (Trainer t = new TrainerFixture().samples(32).batchSize(16).callback(recorder).build(runs, "tested")) {
            t.fit();
            List<Path> before;
            try (var files = java.nio.file.Files.list(t.runDirectory().checkpoints())) {
                before = files.sorted().toList();
            }
            recorder.calls().clear();
            EvalResult test = t.test();
            assertThat(test.split()).isEqualTo("test");
            assertThat(recorder.calls()).containsExactly("test_end:4");
            try (var files = java.nio.file.Files.list(t.runDirectory().checkpoints())) {
                assertThat(files.sorted().toList()).isEqualTo(before);
            }
        }
    }

    @Test
    void maxStepsStopsMidEpoch() {
        try (Trainer t = new TrainerFixture().config(TrainerFixture.trainerConfig(5, 3, 1, 0)).build(runs, "steps")) {
            FitResult result = t.fit();
            assertThat(result.position().globalStep()).isEqualTo(3);
            assertThat(result.position().epoch()).isZero();
            assertThat(result.position().batchInEpoch()).isEqualTo(3);
        }
    }

    @Test
    void accumulationTakesOneOptimizerStepPerGroupOfMicroBatches() {
        HookRecorder recorder = new HookRecorder();
        // 96 samples / 16 = 6 micro-batches per epoch, accumulated by 4 -> steps after 4 and after 6 (epoch end)
        try (Trainer t = new TrainerFixture().config(TrainerFixture.trainerConfig(1, 0, 4, 0)).callback(recorder)
                .build(runs, "accum")) {
            FitResult result = t.fit();
            assertThat(result.position().globalStep()).isEqualTo(2);
            assertThat(t.optimizer().stepCount()).isEqualTo(2);
        }
        assertThat(recorder.calls()).contains("batch_end:1", "batch_end:2").doesNotContain("batch_end:3");
    }

    @Test
    void accumulatedGradientsEqualOneBigBatch() {
        // one step over 4 micro-batches of 8 (loss scaled by 1/4) == one step over a batch of 32
        float[] accumulated;
        float[] big;
        try (Trainer t = new TrainerFixture().dropout(0).samples(32).batchSize(8).optim(OptimConfig.of("sgd", 0.1))
                .config(TrainerFixture.trainerConfig(1, 0, 4, 0)).build(runs, "acc")) {
            t.fit();
            accumulated = weights(t);
        }
        try (Trainer t = new TrainerFixture().dropout(0).samples(32).batchSize(32).optim(OptimConfig.of("sgd", 0.1))
                .config(TrainerFixture.trainerConfig(1, 0, 1, 0)).build(runs, "big")) {
            t.fit();
            big = weights(t);
        }
        assertThat(accumulated).hasSameSizeAs(big);
        for (int i = 0; i < big.length; i++) {
            assertThat(accumulated[i]).isCloseTo(big[i], Offset.offset(1e-5f));
        }
    }
}
