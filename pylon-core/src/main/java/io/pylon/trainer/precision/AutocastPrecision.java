package io.pylon.trainer.precision;

import org.bytedeco.pytorch.global.torch.DeviceType;
import org.bytedeco.pytorch.global.torch.ScalarType;

/**
 * Autocast without loss scaling: {@code bf16-mixed} (bf16 has fp32's exponent range, so gradients do not
 * underflow and need no scaling).
 */
record AutocastPrecision(PrecisionMode mode, DeviceType device, ScalarType dtype) implements Precision {

    @Override
    public Autocast autocast() {
        return Autocast.open(device, dtype);
    }
}
