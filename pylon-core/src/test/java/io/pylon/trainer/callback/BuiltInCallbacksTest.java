package io.pylon.trainer.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.pylon.config.Config;
import io.pylon.config.ConfigException;
import io.pylon.config.InvalidValueException;
import io.pylon.criteria.CrossEntropy;
import io.pylon.nn.ModuleTensors;
import io.pylon.optim.OptimConfig;
import io.pylon.run.MetricsLog;
import io.pylon.testing.TrainerFixture;
import io.pylon.trainer.FitResult;
import io.pylon.trainer.StepResult;
import io.pylon.trainer.Trainer;
import io.pylon.trainer.TrainerConfig;
import io.pylon.testing.TestComponents;

class BuiltInCallbacksTest {

    @TempDir
    Path runs;

    @Test
    void nanGuardStopsAtTheFirstNonFiniteLossAndNamesTheStep() {
        AtomicInteger calls = new AtomicInteger();
        CrossEntropy ce = new CrossEntropy(0.0);
        TrainerFixture fixture = new TrainerFixture().criterion((out, target) -> {
            Tensor loss = ce.apply(out, target);
            return calls.incrementAndGet() == 3 ? loss.mul(new Scalar(Double.NaN)) : loss;
        });
        try (Trainer trainer = fixture.build(runs, "nan")) {
            assertThatThrownBy(trainer::fit).isInstanceOf(TrainingDivergedException.class)
                    .hasMessageContaining("loss became NaN at step 3");
            assertThat(trainer.position().globalStep()).isEqualTo(3);
        }
    }

    @Test
    void nanGuardNamesTheParameterThatWentBad() {
        try (Trainer trainer = new TrainerFixture().build(runs, "param")) {
            Tensor weight = ModuleTensors.parameters(trainer.model().module()).get("second.weight");
            try (NoGradGuard guard = new NoGradGuard()) {
                weight.fill_(new Scalar(Double.POSITIVE_INFINITY));
            }
            assertThatThrownBy(() -> new NanGuard(true).onTrainBatchEnd(trainer, new StepResult(5, 0, 5, 0.3, 16, 1.0)))
                    .isInstanceOf(TrainingDivergedException.class)
                    .hasMessageContaining("parameter 'second.weight'").hasMessageContaining("step 5");
        }
    }

    @Test
    void earlyStoppingStopsAfterPatienceEvaluationsWithoutImprovement() {
        // a learning rate too small to move the validation loss by min_delta
        try (Trainer trainer = new TrainerFixture().optim(OptimConfig.of("sgd", 1e-9))
                .config(new TrainerConfig(10, 0, "cpu", 1, 1, 0, 1, 0.0, 0.0, false))
                .callback(new EarlyStopping(new EarlyStopping.Params("val/loss", 2, 0.1), TestComponents.directions()))
                .build(runs, "early")) {
            FitResult result = trainer.fit();
            assertThat(result.stopReason()).contains("early stopping").contains("val/loss");
            assertThat(result.position().epoch()).isEqualTo(3);
        }
    }

    @Test
    void lrMonitorLogsEveryStepsLearningRate() {
        try (Trainer trainer = new TrainerFixture().build(runs, "lr")) {
            trainer.fit();
            List<Double> lrs = MetricsLog.read(trainer.runDirectory().metrics()).stream()
                    .filter(r -> r.has("lr")).map(r -> r.path("lr").asDouble()).toList();
            assertThat(lrs).hasSize(12).allSatisfy(lr -> assertThat(lr).isEqualTo(0.01));
        }
    }

    @Test
    void monitorMustNameSplitAndKnownMetric() {
        assertThatThrownBy(() -> new EarlyStopping.Params("accuracy", 1, 0))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("val/loss or val/accuracy");
        // whether the metric exists depends on the run's metrics: checked against them
        assertThatThrownBy(() -> new ModelCheckpoint(new ModelCheckpoint.Params("val/acuracy", 1, 0, true),
                TestComponents.directions())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("acuracy").hasMessageContaining("did you mean 'val/accuracy'?");
    }

    @Test
    void callbacksFromConfigKeepBuiltInsAndRunCheckpointingLast() {
        Config config = Config.parse("""
                callbacks:
                  - name: early_stopping
                    patience: 4
                  - name: progress_bar
                    enabled: false
                """, "c.yaml");
        List<Callback> callbacks = TestComponents.callbacks(config.find("callbacks").orElseThrow());
        assertThat(callbacks).extracting(Callback::name)
                .containsExactly("model_summary", "nan_guard", "metrics_logger", "lr_monitor", "early_stopping", "model_checkpoint");
    }

    @Test
    void unknownCallbackListsTheKnownOnes() {
        Config config = Config.parse("callbacks:\n  - name: early_stop\n", "c.yaml");
        assertThatThrownBy(() -> TestComponents.callbacks(config.find("callbacks").orElseThrow()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("c.yaml:2")
                .hasMessageContaining("early_stopping, lr_monitor");
    }

    @Test
    void failingCallbackIsNamedWithItsHook() {
        Callback broken = new Callback() {
            @Override
            public String name() {
                return "broken";
            }

            @Override
            public void onEpochStart(io.pylon.trainer.TrainerView trainer, int epoch) {
                throw new IllegalStateException("boom");
            }
        };
        try (Trainer trainer = new TrainerFixture().callback(broken).build(runs, "broken")) {
            assertThatThrownBy(trainer::fit).isInstanceOf(CallbackException.class)
                    .hasMessage("callback 'broken' failed in onEpochStart: boom");
        }
    }
}
