package io.pylon.trainer.precision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.bytedeco.pytorch.Scalar;
import org.junit.jupiter.api.Test;

import io.pylon.engine.Engine;
import io.pylon.engine.Tensors;
import io.pylon.optim.OptimConfig;
import io.pylon.optim.Optimizer;
import io.pylon.optim.Optimizers;
import io.pylon.testing.TinyModel;

class LossScalerTest {

    private static Optimizer optimizerWithGradients(float value) {
        Engine.start();
        TinyModel model = new TinyModel(4, 3, 2, 0.0);
        Optimizer optimizer = Optimizers.create(OptimConfig.of("sgd", 0.1), model);
        optimizer.groups().forEach(g -> g.flatGrads().fill_(new Scalar(value)));
        return optimizer;
    }

    @Test
    void finiteGradientsAreDividedByTheScaleAndTheStepIsTaken() {
        LossScaler scaler = new LossScaler(8.0, 100);
        Optimizer optimizer = optimizerWithGradients(4.0f);
        assertThat(scaler.unscaleAndUpdate(optimizer)).isTrue();
        float[] grads = Tensors.toFloats(optimizer.groups().get(0).flatGrads());
        assertThat(grads).containsOnly(0.5f);
        assertThat(scaler.scale()).isEqualTo(8.0);
        assertThat(scaler.skippedSteps()).isZero();
    }

    @Test
    void overflowSkipsTheStepAndHalvesTheScale() {
        LossScaler scaler = new LossScaler(1024.0, 100);
        Optimizer optimizer = optimizerWithGradients(Float.POSITIVE_INFINITY);
        assertThat(scaler.unscaleAndUpdate(optimizer)).isFalse();
        assertThat(scaler.scale()).isEqualTo(512.0);
        assertThat(scaler.skippedSteps()).isEqualTo(1);
        optimizer.groups().get(0).flatGrads().fill_(new Scalar(Float.NaN));
        assertThat(scaler.unscaleAndUpdate(optimizer)).isFalse();
        assertThat(scaler.scale()).isEqualTo(256.0);
    }

    @Test
    void scaleDoublesAfterGrowthIntervalFiniteStepsInARowAndAnOverflowRestartsTheCount() {
        LossScaler scaler = new LossScaler(2.0, 3);
        Optimizer finite = optimizerWithGradients(1.0f);
        Optimizer overflow = optimizerWithGradients(Float.POSITIVE_INFINITY);
        scaler.unscaleAndUpdate(finite);
        scaler.unscaleAndUpdate(finite);
        scaler.unscaleAndUpdate(overflow);
        assertThat(scaler.scale()).isEqualTo(1.0);
        scaler.unscaleAndUpdate(finite);
        scaler.unscaleAndUpdate(finite);
        assertThat(scaler.scale()).isEqualTo(1.0);
        scaler.unscaleAndUpdate(finite);
        assertThat(scaler.scale()).isEqualTo(2.0);
    }

    @Test
    void stateRoundTripsThroughACheckpointMap() {
        LossScaler scaler = new LossScaler(64.0, 3);
        scaler.unscaleAndUpdate(optimizerWithGradients(Float.POSITIVE_INFINITY));
        scaler.unscaleAndUpdate(optimizerWithGradients(1.0f));
        Map<String, Object> state = scaler.state();
        LossScaler restored = new LossScaler(1.0, 3);
        restored.loadState(state);
        assertThat(restored.state()).isEqualTo(state);
        assertThat(restored.scale()).isEqualTo(32.0);
        // the restored good-step count (1) continues: two more finite steps complete the interval of 3
        restored.unscaleAndUpdate(optimizerWithGradients(1.0f));
        assertThat(restored.scale()).isEqualTo(32.0);
        restored.unscaleAndUpdate(optimizerWithGradients(1.0f));
        assertThat(restored.scale()).isEqualTo(64.0);
    }
}
