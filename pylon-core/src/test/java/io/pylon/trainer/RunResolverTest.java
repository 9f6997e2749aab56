package io.pylon.trainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.pylon.config.Config;
import io.pylon.config.ConfigException;
import io.pylon.metrics.Direction;
import io.pylon.optim.schedule.Schedules;
import io.pylon.testing.TestComponents;

/** Resolution binds and checks the whole config, and touches nothing. */
class RunResolverTest {

    @TempDir
    Path dir;

    private RunSpec resolve(String yaml) {
        return RunResolver.resolve(Config.parse("experiment: {runs_dir: '" + dir.resolve("runs") + "'}\n" + yaml,
                "run.yaml"), TestComponents.BUILT_INS);
    }

    private static void assertRefused(ThrowingRunnable resolve, String keyPath, String detail) {
        assertThatThrownBy(resolve::run).isInstanceOfSatisfying(ConfigException.class, e -> {
            assertThat(e.keyPath()).isEqualTo(keyPath);
            assertThat(e.getMessage()).startsWith("run.yaml:").contains(detail);
        });
    }

    private interface ThrowingRunnable {
        void run();
    }

    @Test
    void plateauReadsItsDirectionFromTheMonitoredMetric() {
        RunSpec spec = resolve("""
                metrics: [accuracy, {name: hd95, num_classes: 2}]
                schedule: {name: plateau, monitor: val/accuracy, patience: 2}
                """);
        assertThat(spec.scheduleDirection()).isEqualTo(Direction.HIGHER_IS_BETTER);
        assertThat(spec.schedule().params()).isInstanceOf(Schedules.Plateau.class);
        assertThat(resolve("metrics: [{name: hd95, num_classes: 2}]\nschedule: {name: plateau, monitor: val/hd95/mean}")
                .scheduleDirection()).isEqualTo(Direction.LOWER_IS_BETTER);
        assertRefused(() -> resolve("schedule: {name: plateau, mode: max}"), "schedule.mode", "unknown key");
    }

    @Test
    void monitorsAreCheckedAgainstTheConfiguredMetrics() {
        assertRefused(() -> resolve("schedule: {name: plateau, monitor: val/acuracy}"), "schedule.monitor",
                "did you mean 'val/accuracy'?");
        assertRefused(() -> resolve("metrics: [accuracy]\ncallbacks: [{name: early_stopping, monitor: val/f1}]"),
                "callbacks.0.monitor", "'val/f1' is not reported by this run");
        assertRefused(() -> resolve("callbacks: [{name: model_checkpoint, monitors: [val/loss, vla/accuracy]}]"),
                "callbacks.0.monitors.1", "did you mean 'val/accuracy'?");
        assertThat(resolve("metrics: [{name: f1, num_classes: 3}]\n"
                + "callbacks: [{name: model_checkpoint, monitor: val/f1/macro}]").callbacks()).isNotEmpty();
    }

    @Test
    void everySectionIsBoundIncludingNestedComponents() {
        assertRefused(() -> resolve("model: {name: cnn, chanels: 3}"), "model.chanels", "did you mean 'channels'?");
        assertRefused(() -> resolve("model: {name: nope}"), "model.name", "unknown model 'nope'");
        assertRefused(() -> resolve("criterion: {name: deep_supervision, criterion: {name: dise}}"),
                "criterion.criterion.name", "did you mean 'dice'?");
        assertRefused(() -> resolve("optim: {name: adamw, lr: 0}"), "optim.lr", "must be > 0");
        assertRefused(() -> resolve("data: {name: fashion_mnst}"), "data.name", "did you mean 'fashion_mnist'?");
        assertRefused(() -> resolve("data: {augment: [{name: flip, p: 2}]}"), "data.augment.0.p", "[0, 1]");
        assertRefused(() -> resolve("data: {name: csv}"), "data.train", "needs a data.train section");
        assertRefused(() -> resolve("callbacks: [{name: nan_guard, enabled: maybe}]"), "callbacks.0.enabled",
                "expected");
    }

    @Test
    void anOptimSectionWithoutANameIsAdamw() {
        RunSpec spec = resolve("optim: {lr: 0.01}");
        assertThat(spec.optimizer().name()).isEqualTo("adamw");
        assertThat(resolve("").schedule().name()).isEqualTo("constant");
    }

    @Test
    void resolutionCreatesNoRunDirectory() {
        resolve("trainer: {max_epochs: 1}");
        assertThat(dir.resolve("runs")).doesNotExist();
    }
}
