package io.pylon.engine;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bytedeco.pytorch.global.torch;

import io.pylon.PylonUserException;

/** Where tensors live. Parsed from {@code auto | cpu | cuda | cuda:N}. */
public sealed interface Device {

    Pattern CUDA = Pattern.compile("cuda(?::(\\d+))?");

    record Cpu() implements Device {
        @Override
        public String toString() {
            return "cpu";
        }
    }

    record Cuda(int index) implements Device {
        public Cuda {
            if (index < 0) {
                throw new IllegalArgumentException("CUDA device index must be >= 0, got " + index);
            }
        }

        @Override
        public String toString() {
            return "cuda:" + index;
        }
    }

    Device CPU = new Cpu();

    /** Parses a device setting; {@code auto} picks {@code cuda:0} when a GPU is usable, else the CPU. */
    static Device parse(String text) {
        String value = text.trim().toLowerCase(Locale.ROOT);
        if (value.equals("cpu")) {
            return CPU;
        }
        if (value.equals("auto")) {
            return Engine.cudaAvailable() ? new Cuda(0) : CPU;
        }
        Matcher m = CUDA.matcher(value);
        if (m.matches()) {
            return new Cuda(m.group(1) == null ? 0 : Integer.parseInt(m.group(1)));
        }
        throw new IllegalArgumentException("unknown device '" + text + "': use auto, cpu, cuda or cuda:N");
    }

    /**
     * Checks that this device exists on this machine; if not, a {@link PylonUserException} says what to do:
     * CPU-only natives (the default build) need the GPU natives, a CUDA build without a visible GPU needs a
     * driver or {@code trainer.device=cpu}.
     */
    default Device requireAvailable() {
        if (this instanceof Cuda(int index)) {
            if (!Engine.cudaBuild()) {
                throw new PylonUserException("trainer.device=" + this + " but this Pylon was built with the CPU-only"
                        + " libtorch natives: run with PYLON_GPU=1 ./pylon ... (or build with ./mvnw -Pgpu package) on a"
                        + " machine with an NVIDIA GPU, or set trainer.device=cpu");
            }
            if (!Engine.cudaAvailable()) {
                throw new PylonUserException("trainer.device=" + this + " but no CUDA device is visible (no NVIDIA GPU or"
                        + " driver on this machine, or CUDA_VISIBLE_DEVICES hides it); set trainer.device=cpu or run on a"
                        + " GPU machine");
            }
            int count = Engine.cudaDeviceCount();
            if (index >= count) {
                throw new PylonUserException("trainer.device=" + this + " but only " + count + " CUDA device(s) exist"
                        + " (cuda:0.." + "cuda:" + (count - 1) + ")");
            }
        }
        return this;
    }

    default org.bytedeco.pytorch.Device toTorch() {
        return switch (this) {
            case Cpu c -> new org.bytedeco.pytorch.Device(torch.DeviceType.CPU);
            case Cuda(int index) -> new org.bytedeco.pytorch.Device(torch.DeviceType.CUDA, (byte) index);
        };
    }
}
