package io.pylon.criteria.composite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.pylon.config.InvalidValueException;
import io.pylon.engine.Engine;
import io.pylon.engine.Tensors;

class BoundaryLossTest {

    @BeforeAll
    static void start() {
        Engine.start();
    }

    @Test
    void handComputed1dCase() {
        // One sample, 2 classes, 4 positions, labels [0, 1, 1, 0]: phi_1 = [1, -1, -1, 1].
        // Class-1 logit 2 at position 0 gives s_1 = sigmoid(2) there and 1/2 elsewhere; L = sum(s_1 phi_1) / 4.
        double[] logits = {0, 0, 0, 0, 2, 0, 0, 0};
        Tensor output = TestTensors.doubles(logits, 1, 2, 4);
        Tensor target = Tensors.fromLongs(new long[] {0, 1, 1, 0}, 1, 4);
        double p0 = 1 / (1 + Math.exp(-2));
        double expected = (p0 * 1 + 0.5 * -1 + 0.5 * -1 + 0.5 * 1) / 4;
        assertThat(new BoundaryLoss().apply(output, target).item_double()).isCloseTo(expected, within(1e-12));
    }

    @Test
    void spacingScalesTheDistances() {
        double[] logits = {0, 0, 0, 0, 2, 0, 0, 0};
        Tensor output = TestTensors.doubles(logits, 1, 2, 4);
        Tensor target = Tensors.fromLongs(new long[] {0, 1, 1, 0}, 1, 4);
        double unit = new BoundaryLoss().apply(output, target).item_double();
        double scaled = new BoundaryLoss(List.of(2.5), false).apply(output, target).item_double();
        assertThat(scaled).isCloseTo(2.5 * unit, within(1e-12));
    }

    @Test
    void includeBackgroundAddsTheBackgroundTerm() {
        double[] logits = {0, 0, 0, 0, 2, 0, 0, 0};
        Tensor output = TestTensors.doubles(logits, 1, 2, 4);
        Tensor target = Tensors.fromLongs(new long[] {0, 1, 1, 0}, 1, 4);
        double p0 = 1 / (1 + Math.exp(-2));
        // phi_0 = [-1, 1, 1, -1] with s_0 = [1 - p0, .5, .5, .5]; mean over 2 classes x 4 positions.
        double fg = p0 - 0.5 - 0.5 + 0.5;
        double bg = -(1 - p0) + 0.5 + 0.5 - 0.5;
        assertThat(new BoundaryLoss(List.of(), true).apply(output, target).item_double())
                .isCloseTo((fg + bg) / 8, within(1e-12));
    }

    @Test
    void gradient2dMultiClassMatchesFiniteDifferences() {
        long[] shape = {2, 3, 5, 4};
        long[] labels = new long[2 * 5 * 4];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = (i * 7 + i / 3) % 3;
        }
        Tensor target = Tensors.fromLongs(labels, 2, 5, 4);
        BoundaryLoss loss = new BoundaryLoss(List.of(1.5, 0.7), false);
        TestTensors.checkGradient(x -> loss.apply(x, target), TestTensors.random(3, 120), shape, 1e-7);
    }

    @Test
    void gradient3dBinaryMatchesFiniteDifferences() {
        long[] shape = {1, 1, 3, 3, 4};
        long[] mask = new long[36];
        mask[13] = 1;
        mask[14] = 1;
        Tensor target = Tensors.fromLongs(mask, shape).to(torch.ScalarType.Double);
        BoundaryLoss loss = new BoundaryLoss(List.of(2.0, 1.0, 0.5), false);
        TestTensors.checkGradient(x -> loss.apply(x, target), TestTensors.random(4, 36), shape, 1e-7);
    }

    @Test
    void emptyAndAllBackgroundVolumesAreFiniteAndZero() {
        Tensor output = TestTensors.leaf(TestTensors.random(5, 2 * 3 * 27), 2, 3, 3, 3, 3);
        Tensor background = Tensors.fromLongs(new long[54], 2, 3, 3, 3);
        Tensor loss = new BoundaryLoss().apply(output, background);
        assertThat(loss.item_double()).isZero();
        loss.backward();
        assertThat(TestTensors.values(output.grad())).containsOnly(0.0);

        Tensor binary = TestTensors.leaf(TestTensors.random(6, 27), 1, 1, 3, 3, 3);
        Tensor empty = TestTensors.doubles(new double[27], 1, 1, 3, 3, 3);
        assertThat(new BoundaryLoss().apply(binary, empty).item_double()).isZero();
    }

    @Test
    void singleVoxelObjectIsFinite() {
        long[] labels = new long[27];
        labels[13] = 1;
        Tensor target = Tensors.fromLongs(labels, 1, 3, 3, 3);
        Tensor output = TestTensors.leaf(TestTensors.random(7, 54), 1, 2, 3, 3, 3);
        Tensor loss = new BoundaryLoss(List.of(3.0, 1.0, 1.0), false).apply(output, target);
        assertThat(loss.item_double()).isFinite();
        loss.backward();
        TestTensors.assertFinite(TestTensors.values(output.grad()));
    }

    @Test
    void perfectPredictionScoresBelowInvertedOne() {
        long[] labels = {0, 0, 1, 1, 1, 0, 0, 0};
        Tensor target = Tensors.fromLongs(labels, 1, 8);
        double[] good = new double[16];
        double[] bad = new double[16];
        for (int i = 0; i < 8; i++) {
            good[8 + i] = labels[i] == 1 ? 10 : -10;
            bad[8 + i] = -good[8 + i];
        }
        BoundaryLoss loss = new BoundaryLoss();
        assertThat(loss.apply(TestTensors.doubles(good, 1, 2, 8), target).item_double())
                .isLessThan(loss.apply(TestTensors.doubles(bad, 1, 2, 8), target).item_double());
    }

    @Test
    void rejectsBadSpacingAndShapes() {
        assertThatThrownBy(() -> new BoundaryLoss(List.of(1.0, -1.0), false))
                .isInstanceOf(InvalidValueException.class)
                .satisfies(e -> assertThat(((InvalidValueException) e).key()).isEqualTo("spacing.1"));
        Tensor output = TestTensors.doubles(new double[32], 1, 2, 4, 4);
        Tensor target = Tensors.fromLongs(new long[16], 1, 4, 4);
        assertThatThrownBy(() -> new BoundaryLoss(List.of(1.0), false).apply(output, target))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("spacing");
        assertThatThrownBy(() -> new BoundaryLoss().apply(output, Tensors.fromLongs(new long[4], 1, 4)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("(N, C, *spatial)");
    }
}
