package io.pylon.criteria.composite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;

import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.pylon.criteria.Criterion;
import io.pylon.engine.Engine;
import io.pylon.engine.Tensors;

class DeepSupervisionLossTest {

    @BeforeAll
    static void start() {
        Engine.start();
    }

    private static Tensor zeros(long... shape) {
        long count = 1;
        for (long d : shape) {
            count *= d;
        }
        return TestTensors.doubles(new double[(int) count], shape);
    }

    private static DeepSupervisionLoss loss(Criterion base, List<Double> weights, boolean normalize, TargetMode mode) {
        return new DeepSupervisionLoss(base, weights, normalize, mode, OptionalDouble.empty(), OptionalDouble.empty(),
                false);
    }

    @Test
    void defaultWeightsHalvePerScaleAndAreNormalisedOverTheOutputsGiven() {
        List<Tensor> outputs = List.of(zeros(1, 2, 8, 8), zeros(1, 2, 4, 4), zeros(1, 2, 2, 2));
        Tensor target = Tensors.fromLongs(new long[64], 1, 8, 8);
        DeepSupervisionLoss normalised = new DeepSupervisionLoss(new ConstantCriterion(1.0));
        assertThat(normalised.scaleFactors(3)).containsExactly(1 / 1.75, 0.5 / 1.75, 0.25 / 1.75);
        assertThat(normalised.apply(outputs, target).item_double()).isCloseTo(1.0, within(1e-12));
        DeepSupervisionLoss raw = loss(new ConstantCriterion(2.0), DeepSupervisionLoss.DEFAULT_WEIGHTS, false,
                TargetMode.NEAREST);
        assertThat(raw.apply(outputs, target).item_double()).isCloseTo(2.0 * 1.75, within(1e-12));
        assertThat(raw.scaleFactors(5)).containsExactly(1.0, 0.5, 0.25, 0.125, 0.0625);
    }

    @Test
    void eachScaleSeesTheTargetResizedToItsOutput() {
        List<long[]> seen = new ArrayList<>();
        List<Integer> types = new ArrayList<>();
        Criterion recorder = (output, target) -> {
            seen.add(Tensors.shape(target));
            types.add((int) target.scalar_type().value);
            return output.sum().mul(new Scalar(0.0));
        };
        long[] labels = new long[32];
        for (int i = 0; i < 32; i++) {
            labels[i] = i % 3;
        }
        Tensor target = Tensors.fromLongs(labels, 2, 4, 4);
        loss(recorder, List.of(1.0, 1.0, 1.0), true, TargetMode.NEAREST)
                .apply(List.of(zeros(2, 3, 4, 4), zeros(2, 3, 2, 2), zeros(2, 3, 1, 1)), target);
        assertThat(seen).containsExactly(new long[] {2, 4, 4}, new long[] {2, 2, 2}, new long[] {2, 1, 1});
        assertThat(types).containsOnly((int) torch.ScalarType.Long.value);
    }

    @Test
    void nearestLabelsPickTheSourceVoxelAtFloorOfScaledIndex() {
        long[] labels = new long[16];
        for (int i = 0; i < 16; i++) {
            labels[i] = i;
        }
        Tensor target = Tensors.fromLongs(labels, 1, 4, 4);
        DeepSupervisionLoss loss = new DeepSupervisionLoss(new ConstantCriterion(0));
        Tensor small = loss.resizeTarget(target, zeros(1, 2, 2, 2));
        assertThat(Tensors.toLongs(small)).containsExactly(0, 2, 8, 10);
        Tensor mask3d = Tensors.fromLongs(new long[64], 1, 1, 4, 4, 4);
        assertThat(Tensors.shape(loss.resizeTarget(mask3d, zeros(1, 1, 2, 2, 2)))).containsExactly(1, 1, 2, 2, 2);
        assertThat(loss.resizeTarget(target, zeros(1, 2, 4, 4))).isSameAs(target);
    }

    @Test
    void linearTargetsAverageWhenHalving() {
        double[] values = new double[64];
        for (int i = 0; i < 64; i++) {
            values[i] = i * 0.5;
        }
        DeepSupervisionLoss loss = loss(new SquaredError(), List.of(1.0, 0.5), true, TargetMode.LINEAR);
        Tensor target2d = TestTensors.doubles(Arrays.copyOf(values, 16), 1, 1, 4, 4);
        assertThat(TestTensors.values(loss.resizeTarget(target2d, zeros(1, 1, 2, 2))))
                .containsExactly(new double[] {(0 + 1 + 4 + 5) / 8.0, (2 + 3 + 6 + 7) / 8.0, (8 + 9 + 12 + 13) / 8.0,
                        (10 + 11 + 14 + 15) / 8.0}, within(1e-12));
        Tensor target3d = TestTensors.doubles(values, 1, 1, 4, 4, 4);
        double[] small = TestTensors.values(loss.resizeTarget(target3d, zeros(1, 1, 2, 2, 2)));
        double first = 0;
        for (int z = 0; z < 2; z++) {
            for (int y = 0; y < 2; y++) {
                for (int x = 0; x < 2; x++) {
                    first += values[z * 16 + y * 4 + x];
                }
            }
        }
        assertThat(small).hasSize(8);
        assertThat(small[0]).isCloseTo(first / 8, within(1e-12));
    }

    @Test
    void clampingBoundsOutputsAndOptionallyTargets() {
        Tensor output = TestTensors.doubles(new double[] {-2, 0.5, 3}, 1, 1, 3);
        Tensor target = TestTensors.doubles(new double[] {0, 0, 5}, 1, 1, 3);
        DeepSupervisionLoss outputsOnly = new DeepSupervisionLoss(new SquaredError(), List.of(1.0), true,
                TargetMode.LINEAR, OptionalDouble.of(0), OptionalDouble.of(1), false);
        assertThat(outputsOnly.apply(List.of(output), target).item_double())
                .isCloseTo((0 + 0.25 + 16) / 3.0, within(1e-12));
        DeepSupervisionLoss both = new DeepSupervisionLoss(new SquaredError(), List.of(1.0), true,
                TargetMode.LINEAR, OptionalDouble.of(0), OptionalDouble.of(1), true);
        assertThat(both.apply(List.of(output), target).item_double()).isCloseTo(0.25 / 3.0, within(1e-12));
    }

    @Test
    void gradientMatchesFiniteDifferencesAcrossScales() {
        long[] labels = new long[2 * 4 * 4];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = (i * 5 + i / 4) % 3;
        }
        Tensor target = Tensors.fromLongs(labels, 2, 4, 4);
        DeepSupervisionLoss loss = loss(new BoundaryLoss(), List.of(1.0, 0.5), false, TargetMode.NEAREST);
        double[] half = TestTensors.random(41, 2 * 3 * 2 * 2);
        TestTensors.checkGradient(x -> loss.apply(List.of(x, TestTensors.doubles(half, 2, 3, 2, 2)), target),
                TestTensors.random(42, 2 * 3 * 16), new long[] {2, 3, 4, 4}, 1e-7);
        double[] full = TestTensors.random(43, 2 * 3 * 16);
        TestTensors.checkGradient(x -> loss.apply(List.of(TestTensors.doubles(full, 2, 3, 4, 4), x), target),
                half, new long[] {2, 3, 2, 2}, 1e-7);

        Tensor continuous = TestTensors.doubles(TestTensors.random(44, 16), 1, 1, 4, 4);
        DeepSupervisionLoss linear = loss(new SquaredError(), List.of(1.0, 0.25), true, TargetMode.LINEAR);
        TestTensors.checkGradient(x -> linear.apply(List.of(TestTensors.doubles(new double[16], 1, 1, 4, 4), x),
                continuous), TestTensors.random(45, 4), new long[] {1, 1, 2, 2}, 1e-7);
    }

    @Test
    void emptyMasksAtEveryScaleStayFinite() {
        Tensor target = Tensors.fromLongs(new long[64], 1, 4, 4, 4);
        Tensor a = TestTensors.leaf(TestTensors.random(46, 128), 1, 2, 4, 4, 4);
        Tensor b = TestTensors.leaf(TestTensors.random(47, 16), 1, 2, 2, 2, 2);
        Tensor value = new DeepSupervisionLoss(new BoundaryLoss()).apply(List.of(a, b), target);
        assertThat(value.item_double()).isZero();
        value.backward();
        TestTensors.assertFinite(TestTensors.values(a.grad()));
        TestTensors.assertFinite(TestTensors.values(b.grad()));
    }

    @Test
    void moreOutputsThanWeightsIsAnError() {
        DeepSupervisionLoss loss = loss(new ConstantCriterion(1), List.of(1.0, 0.5), true, TargetMode.NEAREST);
        Tensor target = Tensors.fromLongs(new long[16], 1, 4, 4);
        assertThatThrownBy(() -> loss.apply(List.of(zeros(1, 2, 4, 4), zeros(1, 2, 2, 2), zeros(1, 2, 1, 1)),
                target)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3 outputs")
                .hasMessageContaining("2 scale weights");
        assertThatThrownBy(() -> loss(new ConstantCriterion(1), List.of(1.0, -0.5), true, TargetMode.NEAREST))
                .hasMessageContaining(">= 0");
    }
}
