package io.pylon.trainer.precision;

import java.util.Map;

import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch.DeviceType;
import org.bytedeco.pytorch.global.torch.ScalarType;

import io.pylon.optim.Optimizer;

/** {@code 16-mixed}: fp16 autocast on CUDA with dynamic loss scaling. */
final class ScaledHalfPrecision implements Precision {

    private final LossScaler scaler;

    ScaledHalfPrecision(LossScaler scaler) {
        this.scaler = scaler;
    }

    @Override
    public PrecisionMode mode() {
        return PrecisionMode.FP16_MIXED;
    }

    @Override
    public Autocast autocast() {
        return Autocast.open(DeviceType.CUDA, ScalarType.Half);
    }

    @Override
    public Tensor scaleLoss(Tensor loss) {
        return scaler.scale(loss);
    }

    @Override
    public boolean unscaleGradients(Optimizer optimizer) {
        return scaler.unscaleAndUpdate(optimizer);
    }

    @Override
    public Map<String, Double> logValues() {
        return Map.of("loss_scale", scaler.scale(), "skipped_steps", (double) scaler.skippedSteps());
    }

    @Override
    public Map<String, Object> state() {
        return scaler.state();
    }

    @Override
    public void loadState(Map<String, Object> state) {
        scaler.loadState(state);
    }
}
