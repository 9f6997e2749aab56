package io.pylon.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.pylon.engine.Engine;
import io.pylon.engine.StepScope;

/** Saving the optimizer state and restoring it into a fresh optimizer continues the run bit for bit. */
class StateRoundTripTest {

    @BeforeAll
    static void start() {
        Engine.start();
    }

    private static OptimConfig config(String name) {
        return switch (name) {
            case "sgd" -> OptimConfig.of("sgd", 0.05).withSgd(0.9, 0, true).withWeightDecay(0.01);
            case "adam" -> OptimConfig.of("adam", 0.01).withAdam(0.9, 0.999, 1e-8, true).withWeightDecay(0.01);
            default -> OptimConfig.of("adamw", 0.01).withWeightDecay(0.1);
        };
    }

    private static List<Tensor[]> batches(int count) {
        torch.manual_seed(11);
        List<Tensor[]> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(new Tensor[] {torch.randn(4, 6), torch.randn(4, 3)});
        }
        return out;
    }

    private static void train(TwoLayerNet net, Optimizer optimizer, List<Tensor[]> batches) {
        for (Tensor[] batch : batches) {
            try (StepScope scope = new StepScope()) {
                optimizer.zeroGrad();
                torch.mse_loss(net.forward(batch[0]), batch[1]).backward();
                optimizer.step();
            }
        }
    }

    private static Map<String, Tensor> snapshot(Map<String, Tensor> state) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        state.forEach((k, v) -> out.put(k, v.clone()));
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"sgd", "adam", "adamw"})
    void restoredOptimizerContinuesIdentically(String name) {
        List<Tensor[]> data = batches(10);
        torch.manual_seed(3);
        TwoLayerNet original = new TwoLayerNet();
        Optimizer first = Optimizers.create(config(name), original);
        train(original, first, data.subList(0, 5));
        Map<String, Tensor> saved = snapshot(first.stateTensors());
        TwoLayerNet savedWeights = new TwoLayerNet().copyFrom(original);
        train(original, first, data.subList(5, 10));

        TwoLayerNet resumed = new TwoLayerNet().copyFrom(savedWeights);
        Optimizer second = Optimizers.create(config(name), resumed);
        second.loadStateTensors(saved);
        assertThat(second.stepCount()).isEqualTo(5);
        train(resumed, second, data.subList(5, 10));

        assertThat(TwoLayerNet.maxAbsDiff(original, resumed)).isZero();
        assertThat(first.stateTensors().keySet()).startsWith("step").contains("group0." + switch (name) {
            case "sgd" -> "momentum_buffer";
            case "adam" -> "max_exp_avg_sq";
            default -> "exp_avg_sq";
        });
    }

    @Test
    void withoutTheStateTheContinuationDiffers() {
        // Makes sure the round trip above would notice a state that is not restored.
        List<Tensor[]> data = batches(10);
        torch.manual_seed(3);
        TwoLayerNet original = new TwoLayerNet();
        Optimizer first = Optimizers.create(config("adamw"), original);
        train(original, first, data.subList(0, 5));
        TwoLayerNet savedWeights = new TwoLayerNet().copyFrom(original);
        train(original, first, data.subList(5, 10));
        TwoLayerNet fresh = new TwoLayerNet().copyFrom(savedWeights);
        train(fresh, Optimizers.create(config("adamw"), fresh), data.subList(5, 10));
        assertThat(TwoLayerNet.maxAbsDiff(original, fresh)).isGreaterThan(1e-4);
    }

    @Test
    void missingExtraAndMisshapenStateIsRejectedNamingTheKey() {
        Optimizer optimizer = Optimizers.create(config("adamw"), new TwoLayerNet());
        Map<String, Tensor> good = snapshot(optimizer.stateTensors());

        Map<String, Tensor> missing = new LinkedHashMap<>(good);
        missing.remove("group1.exp_avg_sq");
        assertThatThrownBy(() -> optimizer.loadStateTensors(missing))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'group1.exp_avg_sq'");

        Map<String, Tensor> extra = new LinkedHashMap<>(good);
        extra.put("group0.momentum_buffer", torch.zeros(3));
        assertThatThrownBy(() -> optimizer.loadStateTensors(extra))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'group0.momentum_buffer'");

        Map<String, Tensor> misshapen = new LinkedHashMap<>(good);
        misshapen.put("group0.exp_avg", torch.zeros(5));
        assertThatThrownBy(() -> optimizer.loadStateTensors(misshapen))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'group0.exp_avg'");
        assertThat(optimizer.stepCount()).isZero();
    }
}
