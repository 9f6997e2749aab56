package io.pylon.criteria.composite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.Map;

import org.bytedeco.pytorch.Tensor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.pylon.criteria.CrossEntropy;
import io.pylon.engine.Engine;
import io.pylon.engine.Tensors;

class MultiTaskLossTest {

    @BeforeAll
    static void start() {
        Engine.start();
    }

    private static Map<String, TaskHead> heads(TaskHead seg, TaskHead cls) {
        Map<String, TaskHead> heads = new LinkedHashMap<>();
        heads.put("seg", seg);
        heads.put("cls", cls);
        return heads;
    }

    private static Tensor any() {
        return TestTensors.doubles(new double[] {1, 2}, 2);
    }

    @Test
    void weightedSumOfHeads() {
        MultiTaskLoss loss = new MultiTaskLoss(heads(new TaskHead(new ConstantCriterion(2.0), 1.0),
                new TaskHead(new ConstantCriterion(3.0), 0.5)));
        assertThat(loss.apply(Map.of("seg", any(), "cls", any(), "extra", any()), Map.of("seg", any(), "cls", any()))
                .item_double()).isCloseTo(3.5, within(1e-12));
        assertThat(loss.weights()).containsExactly(Map.entry("seg", 1.0), Map.entry("cls", 0.5));
    }

    @Test
    void missingHeadIsNamed() {
        MultiTaskLoss loss = new MultiTaskLoss(heads(new TaskHead(new ConstantCriterion(2.0), 1.0),
                new TaskHead(new ConstantCriterion(3.0), 0.5)));
        assertThatThrownBy(() -> loss.apply(Map.of("seg", any()), Map.of("seg", any(), "cls", any())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no output for head 'cls'");
        assertThatThrownBy(() -> loss.apply(Map.of("seg", any(), "cls", any()), Map.of("cls", any())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no target for head 'seg'");
        assertThatThrownBy(() -> loss.apply(any(), any())).hasMessageContaining("apply(Map, Map)");
    }

    @Test
    void gradientMatchesFiniteDifferencesForEachHead() {
        MultiTaskLoss loss = new MultiTaskLoss(heads(new TaskHead(new SquaredError(), 0.8),
                new TaskHead(new CrossEntropy(0.0), 1.7)));
        Tensor segTarget = TestTensors.doubles(TestTensors.random(51, 6), 2, 3);
        Tensor labels = Tensors.fromLongs(new long[] {2, 0}, 2);
        double[] seg = TestTensors.random(52, 6);
        double[] cls = TestTensors.random(53, 8);
        Map<String, Tensor> targets = Map.of("seg", segTarget, "cls", labels);
        TestTensors.checkGradient(x -> loss.apply(Map.of("seg", x, "cls", TestTensors.doubles(cls, 2, 4)), targets),
                seg, new long[] {2, 3}, 1e-7);
        TestTensors.checkGradient(x -> loss.apply(Map.of("seg", TestTensors.doubles(seg, 2, 3), "cls", x), targets),
                cls, new long[] {2, 4}, 1e-7);
    }

    @Test
    void rejectsNoHeadsAndNegativeWeights() {
        assertThatThrownBy(() -> new MultiTaskLoss(Map.of())).hasMessageContaining("at least one head");
        assertThatThrownBy(() -> new TaskHead(new ConstantCriterion(1), -1)).hasMessageContaining(">= 0");
    }
}
