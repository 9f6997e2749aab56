package io.pylon.trainer;

import org.bytedeco.pytorch.MemoryFormatOptional;
import org.bytedeco.pytorch.Tensor;

import io.pylon.engine.Device;

/**
 * Moves batch tensors to the training device (a no-op on the CPU). On CUDA a batch is first copied into
 * page-locked (pinned) host memory, so that the copy to the device is a DMA transfer queued without
 * blocking the host ({@code non_blocking}): the host goes on to queue the forward pass while the copy
 * runs. Kernels queued after it on the same stream see the data, so no explicit synchronisation is needed.
 * Not exercised without a GPU (no CUDA device in this project's CI).
 */
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
        Tensor pinned = tensor.is_pinned() ? tensor : tensor.pin_memory();
        return pinned.to(torchDevice, pinned.scalar_type(), true, false, new MemoryFormatOptional());
    }
}
