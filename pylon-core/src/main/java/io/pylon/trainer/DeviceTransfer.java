package io.pylon.trainer;

import org.bytedeco.pytorch.MemoryFormatOptional;
import org.bytedeco.pytorch.Tensor;

import io.pylon.engine.Device;

/** Moves batch tensors to the training device (a no-op on the CPU). */
public final class DeviceTransfer {

    private final Device device;
    private final org.bytedeco.pytorch.Device torchDevice;

    public DeviceTransfer(Device device) {
        this.device = device;
        this.torchDevice = device.toTorch();
    }

    public Tensor apply(Tensor tensor) {
        if (device instanceof Device.Cpu) {
            return tensor;
        }
        return tensor.to(torchDevice, tensor.scalar_type(), true, false, new MemoryFormatOptional());
    }
}
