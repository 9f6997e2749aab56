package io.pylon.criteria.composite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.pylon.optim.schedule.Interval;
import io.pylon.optim.schedule.LinearRamp;
import io.pylon.optim.schedule.PiecewiseSchedule;
import io.pylon.engine.Engine;
import io.pylon.engine.Tensors;

class CombinedLossTest {

    @BeforeAll
    static void start() {
        Engine.start();
    }

    private static Tensor anyOutput() {
        return TestTensors.leaf(new double[] {0.1, -0.2, 0.3}, 3);
    }

    @Test
    void fixedWeightsOfConstantCriteria() {
        CombinedLoss loss = new CombinedLoss(List.of(LossTerm.of("a", new ConstantCriterion(2.0), 1.0),
                LossTerm.of("b", new ConstantCriterion(3.0), 0.5)), false);
        assertThat(loss.apply(anyOutput(), anyOutput()).item_double()).isCloseTo(2.0 + 1.5, within(1e-12));
        assertThat(loss.weights()).containsExactly(Map.entry("a", 1.0), Map.entry("b", 0.5));
        assertThat(loss.parameters()).isEmpty();
    }

    @Test
    void learnableWeightsStartAtKendallsFormWithZeroLogVariances() {
        CombinedLoss loss = new CombinedLoss(List.of(LossTerm.of("a", new ConstantCriterion(2.0), 1.0),
                LossTerm.of("b", new ConstantCriterion(3.0), 1.0)), true);
        // exp(-0) * 2 + 0 + exp(-0) * 3 + 0
        assertThat(loss.apply(anyOutput(), anyOutput()).item_double()).isCloseTo(5.0, within(1e-6));
        Tensor s = ((LogVariances) loss.parameters().orElseThrow()).values();
        try (NoGradGuard guard = new NoGradGuard()) {
            s.copy_(Tensors.fromFloats(new float[] {0.5f, -1.0f}, 2));
        }
        double expected = Math.exp(-0.5) * 2 + 0.5 + Math.exp(1.0) * 3 - 1.0;
        assertThat(loss.apply(anyOutput(), anyOutput()).item_double()).isCloseTo(expected, within(1e-5));
        assertThat(loss.weights().get("a")).isCloseTo(Math.exp(-0.5), within(1e-6));
        assertThat(loss.weights().get("b")).isCloseTo(Math.exp(1.0), within(1e-5));
        assertThat(loss.logVariances().get("b")).isCloseTo(-1.0, within(1e-7));
        assertThat(loss.parameters().orElseThrow().parameters().size()).isEqualTo(1);
    }

    @Test
    void gradientOfFixedCombinationMatchesFiniteDifferences() {
        double[] mask = new double[12];
        mask[5] = 1;
        mask[6] = 1;
        Tensor target = TestTensors.doubles(mask, 1, 3, 4);
        CombinedLoss loss = new CombinedLoss(List.of(LossTerm.of("mse", new SquaredError(), 0.7),
                LossTerm.of("boundary", new BoundaryLoss(), 1.3)), false);
        TestTensors.checkGradient(x -> loss.apply(x, target), TestTensors.random(23, 12), new long[] {1, 3, 4}, 1e-7);
        Tensor x = TestTensors.doubles(TestTensors.random(24, 12), 1, 3, 4);
        assertThat(loss.apply(x, target).item_double()).isCloseTo(0.7 * new SquaredError().apply(x, target)
                .item_double() + 1.3 * new BoundaryLoss().apply(x, target).item_double(), within(1e-12));
    }

    @Test
    void gradientOfLearnableCombinationMatchesFiniteDifferencesInOutputAndLogVariances() {
        Tensor target = TestTensors.doubles(TestTensors.random(31, 6), 2, 3);
        CombinedLoss loss = new CombinedLoss(List.of(LossTerm.of("mse", new SquaredError(), 1.0),
                LossTerm.of("const", new ConstantCriterion(0.8), 2.0)), true);
        LogVariances module = (LogVariances) loss.parameters().orElseThrow();
        module.to(torch.ScalarType.Double, false);
        Tensor s = module.values();
        try (NoGradGuard guard = new NoGradGuard()) {
            s.copy_(TestTensors.doubles(new double[] {0.3, -0.4}, 2));
        }
        TestTensors.checkGradient(x -> loss.apply(x, target), TestTensors.random(32, 6), new long[] {2, 3}, 1e-7);

        // With respect to the log-variances: L(s) at a fixed output, by central differences on s.
        Tensor output = TestTensors.doubles(TestTensors.random(33, 6), 2, 3);
        Tensor value = loss.apply(output, target);
        if (s.grad().defined()) {
            try (NoGradGuard guard = new NoGradGuard()) {
                s.grad().zero_();
            }
        }
        value.backward();
        double[] analytic = TestTensors.values(s.grad());
        double mse = new SquaredError().apply(output, target).item_double();
        double[] losses = {mse, 0.8};
        double[] weights = {1.0, 2.0};
        double[] base = {0.3, -0.4};
        for (int i = 0; i < 2; i++) {
            double h = 1e-6;
            double[] plus = base.clone();
            double[] minus = base.clone();
            plus[i] += h;
            minus[i] -= h;
            double numeric = (at(loss, s, plus, output, target) - at(loss, s, minus, output, target)) / (2 * h);
            // closed form: w_i (1 - exp(-s_i) L_i)
            assertThat(analytic[i]).isCloseTo(numeric, within(1e-7));
            assertThat(analytic[i]).isCloseTo(weights[i] * (1 - Math.exp(-base[i]) * losses[i]), within(1e-9));
        }
    }

    private static double at(CombinedLoss loss, Tensor s, double[] values, Tensor output, Tensor target) {
        try (NoGradGuard guard = new NoGradGuard()) {
            s.copy_(TestTensors.doubles(values, values.length));
            return loss.apply(output, target).item_double();
        }
    }

    @Test
    void scheduledWeightsFollowOnStep() {
        LossTerm dice = new LossTerm("dice", new ConstantCriterion(1.0), 1.0,
                Optional.of(new WeightSchedule(new LinearRamp(1.0, 0.0, 0, 10), Interval.EPOCH)));
        LossTerm boundary = new LossTerm("boundary", new ConstantCriterion(4.0), 0.5,
                Optional.of(new WeightSchedule(new LinearRamp(0.0, 1.0, 0, 10), Interval.EPOCH)));
        CombinedLoss loss = new CombinedLoss(List.of(dice, boundary), false);
        assertThat(loss.apply(anyOutput(), anyOutput()).item_double()).isCloseTo(1.0, within(1e-12));
        loss.onStep(1234, 4);
        assertThat(loss.weights().get("dice")).isCloseTo(0.6, within(1e-12));
        assertThat(loss.weights().get("boundary")).isCloseTo(0.2, within(1e-12));
        assertThat(loss.apply(anyOutput(), anyOutput()).item_double()).isCloseTo(0.6 + 0.2 * 4, within(1e-12));
        loss.onStep(5000, 10);
        assertThat(loss.apply(anyOutput(), anyOutput()).item_double()).isCloseTo(2.0, within(1e-12));
    }

    @Test
    void allZeroWeightsGiveAZeroThatStillBackpropagates() {
        CombinedLoss loss = new CombinedLoss(List.of(LossTerm.of("a", new ConstantCriterion(2.0), 0.0)), false);
        Tensor output = anyOutput();
        Tensor value = loss.apply(output, output);
        assertThat(value.item_double()).isZero();
        value.backward();
        assertThat(TestTensors.values(output.grad())).containsOnly(0.0);
    }

    @Test
    void onStepReachesNestedScheduledCriteria() {
        LossTerm ramp = new LossTerm("x", new ConstantCriterion(1.0), 1.0,
                Optional.of(new WeightSchedule(new PiecewiseSchedule(List.of(5L), List.of(0.0, 1.0)), Interval.STEP)));
        CombinedLoss inner = new CombinedLoss(List.of(ramp), false);
        CombinedLoss outer = new CombinedLoss(List.of(LossTerm.of("inner", inner, 3.0)), false);
        assertThat(outer.apply(anyOutput(), anyOutput()).item_double()).isZero();
        outer.onStep(5, 0);
        assertThat(outer.apply(anyOutput(), anyOutput()).item_double()).isCloseTo(3.0, within(1e-12));
    }

    @Test
    void rejectsDuplicateLabelsNegativeWeightsAndNoTerms() {
        assertThatThrownBy(() -> new CombinedLoss(List.of(LossTerm.of("a", new ConstantCriterion(1), 1),
                LossTerm.of("a", new ConstantCriterion(1), 1)), false)).hasMessageContaining("'a'");
        assertThatThrownBy(() -> LossTerm.of("a", new ConstantCriterion(1), -1)).hasMessageContaining("weight");
        assertThatThrownBy(() -> new CombinedLoss(List.of(), false)).hasMessageContaining("at least one");
    }
}
