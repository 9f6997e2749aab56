package io.pylon.trainer.precision;

import java.util.Map;

import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch.DeviceType;
import org.bytedeco.pytorch.global.torch.ScalarType;

import io.pylon.PylonUserException;
import io.pylon.engine.Device;
import io.pylon.optim.Optimizer;

/**
 * What {@code trainer.precision} changes in a training step. The loop opens {@link #autocast} around
 * forward and loss, backpropagates {@link #scaleLoss}, and takes the optimizer step only if
 * {@link #unscaleGradients} says the gradients are usable. Weights, gradients and optimizer state are
 * fp32 in every mode.
 */
public sealed interface Precision permits FullPrecision, AutocastPrecision, ScaledHalfPrecision {

    /** The {@code trainer.precision} setting this object implements. */
    PrecisionMode mode();

    /** Opens the autocast region for forward and loss (a no-op region in fp32). */
    Autocast autocast();

    /** The loss to call backward on (multiplied by the loss scale for fp16). */
    default Tensor scaleLoss(Tensor loss) {
        return loss;
    }

    /**
     * Called once per optimizer step, before clipping: brings the gradients back to their true size and
     * returns whether they are finite. {@code false} means: skip this step.
     */
    default boolean unscaleGradients(Optimizer optimizer) {
        return true;
    }

    /** Values worth logging per step (the loss scale for fp16); empty otherwise. */
    default Map<String, Double> logValues() {
        return Map.of();
    }

    /** Checkpointed state (the loss scaler's), empty when stateless. */
    default Map<String, Object> state() {
        return Map.of();
    }

    default void loadState(Map<String, Object> state) {
    }

    /**
     * The precision for {@code setting} on {@code device}; fp16 on the CPU is refused with what to use
     * instead (libtorch's CPU autocast supports bf16; fp16 there is slow and has no loss-scaling support).
     */
    static Precision create(String setting, Device device) {
        PrecisionMode mode = PrecisionMode.parse(setting).orElseThrow(() -> new PylonUserException(
                "trainer.precision: unknown setting '" + setting + "'; use one of " + PrecisionMode.settings()));
        DeviceType type = device instanceof Device.Cuda ? DeviceType.CUDA : DeviceType.CPU;
        return switch (mode) {
            case FULL -> new FullPrecision();
            case BF16_MIXED -> new AutocastPrecision(mode, type, ScalarType.BFloat16);
            case FP16_MIXED -> {
                if (type == DeviceType.CPU) {
                    throw new PylonUserException("trainer.precision: 16-mixed needs a CUDA device, but this run trains on "
                            + device + "; use trainer.precision=bf16-mixed on the CPU (or trainer.device=cuda on a GPU)");
                }
                yield new ScaledHalfPrecision(new LossScaler());
            }
        };
    }

    /** Casts a reduced-precision model output to fp32 for metrics (which accumulate in fp32). */
    static Tensor toFloat(Tensor output) {
        // compared by value: the binding hands out enum copies that are not == to the constants
        int type = output.scalar_type().value;
        if (type == ScalarType.BFloat16.value || type == ScalarType.Half.value) {
            return output.to(ScalarType.Float);
        }
        return output;
    }
}
