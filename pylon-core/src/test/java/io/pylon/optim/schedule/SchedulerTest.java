package io.pylon.optim.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import org.bytedeco.pytorch.LinearImpl;
import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.Tensor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.pylon.config.ConfigException;
import io.pylon.engine.Engine;
import io.pylon.models.Model;
import io.pylon.optim.OptimConfig;
import io.pylon.optim.Optimizer;
import io.pylon.optim.Optimizers;

/** The scheduler turns schedules into group learning rates on the right clock. */
class SchedulerTest {

    private static final double TOL = 1e-12;

    /** Two linear layers so that an lr multiplier can single one out. */
    static final class Net extends Module implements Model {
        final LinearImpl backbone = register_module("backbone", new LinearImpl(3, 3));
        final LinearImpl head = register_module("head", new LinearImpl(3, 2));

        @Override
        public Tensor forward(Tensor input) {
            return head.forward(backbone.forward(input));
        }
    }

    @BeforeAll
    static void start() {
        Engine.start();
    }

    /** SGD over {@link Net} with the backbone at half the learning rate (its own group). */
    private static Optimizer optimizer(double lr) {
        return Optimizers.create(OptimConfig.of("sgd", lr).withGrouping(List.of(), Map.of("^backbone\\.", 0.5)),
                new Net());
    }

    @Test
    void warmupThenCosineAtTheBoundarySteps() {
        Optimizer opt = optimizer(0.1);
        ScheduleConfigBuilder b = ScheduleConfigBuilder.named("cosine");
        b.warmupSteps = 10;
        b.warmupStartFactor = 0.0;
        b.etaMin = 0.01;
        Scheduler s = b.scheduler(opt, 110, 11);
        int head = opt.groups().get(0).lrMultiplier() == 1.0 ? 0 : 1;
        int backbone = 1 - head;

        assertThat(s.currentLr(head)).isEqualTo(0.0);
        s.onStep(5);
        assertThat(s.currentLr(head)).isCloseTo(0.05, within(TOL));
        assertThat(s.currentLr(backbone)).isCloseTo(0.025, within(TOL));
        s.onStep(9);
        assertThat(s.currentLr(head)).isCloseTo(0.09, within(TOL));
        s.onStep(10);
        assertThat(s.currentLr(head)).as("peak right after warmup").isCloseTo(0.1, within(TOL));
        s.onStep(60);
        assertThat(s.currentLr(head)).as("half way through t_max = 100").isCloseTo(0.01 + 0.09 * 0.5, within(TOL));
        s.onStep(110);
        assertThat(s.currentLr(head)).isCloseTo(0.01, within(TOL));
        assertThat(s.currentLr(backbone)).isCloseTo(0.005, within(TOL));
    }

    @Test
    void epochIntervalChangesOnlyAtEpochEnds() {
        Optimizer opt = optimizer(1.0);
        ScheduleConfigBuilder b = ScheduleConfigBuilder.named("multistep");
        b.interval = Interval.EPOCH;
        b.milestones = List.of(2L, 4L);
        Scheduler s = b.scheduler(opt, 100, 10);
        int head = opt.groups().get(0).lrMultiplier() == 1.0 ? 0 : 1;
        s.onStep(15);
        assertThat(s.currentLr(head)).isEqualTo(1.0);
        s.onEpochEnd(0);
        assertThat(s.currentLr(head)).isEqualTo(1.0);
        s.onEpochEnd(1);
        assertThat(s.currentLr(head)).isCloseTo(0.1, within(TOL));
        s.onStep(35);
        assertThat(s.currentLr(head)).isCloseTo(0.1, within(TOL));
        s.onEpochEnd(3);
        assertThat(s.currentLr(head)).isCloseTo(0.01, within(TOL));
    }

    @Test
    void epochCosineDerivesTMaxFromTheEpochCountAndWarmupCountsSteps() {
        Optimizer opt = optimizer(1.0);
        ScheduleConfigBuilder b = ScheduleConfigBuilder.named("cosine");
        b.interval = Interval.EPOCH;
        b.warmupSteps = 4;
        b.warmupStartFactor = 0.5;
        Scheduler s = b.scheduler(opt, 95, 10);   // 10 epochs
        int head = opt.groups().get(0).lrMultiplier() == 1.0 ? 0 : 1;
        assertThat(s.currentLr(head)).isCloseTo(0.5, within(TOL));
        s.onStep(2);
        assertThat(s.currentLr(head)).isCloseTo(0.75, within(TOL));
        s.onStep(10);
        s.onEpochEnd(4);
        assertThat(s.currentLr(head)).isCloseTo(0.5, within(TOL));
        s.onEpochEnd(9);
        assertThat(s.currentLr(head)).isCloseTo(0.0, within(TOL));
    }

    @Test
    void polynomialDerivesItsTotalFromTheRun() {
        Optimizer opt = optimizer(1.0);
        ScheduleConfigBuilder b = ScheduleConfigBuilder.named("polynomial");
        b.power = 2.0;
        Scheduler s = b.scheduler(opt, 40, 10);
        int head = opt.groups().get(0).lrMultiplier() == 1.0 ? 0 : 1;
        s.onStep(20);
        assertThat(s.currentLr(head)).isCloseTo(0.25, within(TOL));
        s.onStep(30);
        assertThat(s.currentLr(head)).isCloseTo(0.0625, within(TOL));
    }

    @Test
    void plateauReducesOnValidationAndItsStateRestores() {
        Optimizer opt = optimizer(1.0);
        ScheduleConfigBuilder b = ScheduleConfigBuilder.named("plateau");
        b.patience = 1;
        b.factor = 0.5;
        b.minLr = 0.3;
        Scheduler s = b.scheduler(opt, 100, 10);
        int head = opt.groups().get(0).lrMultiplier() == 1.0 ? 0 : 1;
        s.onStep(7);
        s.onValidation(1.0);
        s.onValidation(1.0);
        assertThat(s.currentLr(head)).isEqualTo(1.0);
        s.onValidation(1.0);
        assertThat(s.currentLr(head)).isEqualTo(0.5);
        assertThat(s.currentLr(1 - head)).isEqualTo(0.25);
        s.onValidation(1.0);
        s.onValidation(1.0);
        assertThat(s.currentLr(head)).as("floored at min_lr").isCloseTo(0.3, within(TOL));

        Map<String, Object> state = s.state();
        assertThat(state).containsEntry("step", 7L).containsKey("plateau.scale");
        Optimizer fresh = optimizer(1.0);
        Scheduler restored = b.scheduler(fresh, 100, 10);
        restored.loadState(state);
        assertThat(restored.currentLr(head)).isCloseTo(0.3, within(TOL));
        assertThat(restored.state()).isEqualTo(state);
    }

    @Test
    void stepScheduleStateRestoresTheLearningRate() {
        ScheduleConfigBuilder b = ScheduleConfigBuilder.named("exponential");
        Scheduler s = b.scheduler(optimizer(1.0), 100, 10);
        s.onStep(3);
        Optimizer fresh = optimizer(1.0);
        Scheduler restored = b.scheduler(fresh, 100, 10);
        restored.loadState(s.state());
        assertThat(restored.factor()).isCloseTo(1e-3, within(TOL));
        assertThatThrownBy(() -> restored.loadState(Map.of("epoch", 0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'step'");
    }

    @Test
    void etaMinAboveTheLearningRateIsRejected() {
        ScheduleConfigBuilder b = ScheduleConfigBuilder.named("cosine");
        b.etaMin = 0.5;
        b.tMax = OptionalLong.of(10);
        assertThatThrownBy(() -> b.scheduler(optimizer(0.1), 100, 10))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.keyPath()).isEqualTo("schedule"))
                .hasMessageContaining("eta_min must not exceed").hasMessageContaining("0.1");
    }
}
