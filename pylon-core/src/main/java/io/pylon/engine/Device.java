package io.pylon.engine;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bytedeco.pytorch.global.torch;

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

    /** Checks that this device exists on this machine, with a message saying what to do if not. */
    default Device requireAvailable() {
        if (this instanceof Cuda(int index)) {
            if (!Engine.cudaAvailable()) {
                throw new IllegalStateException("device " + this + " requested but CUDA is not available: build with"
                        + " -Dpylon.natives=linux-x86_64-gpu on a machine with an NVIDIA driver, or use trainer.device=cpu");
            }
            int count = Engine.cudaDeviceCount();
            if (index >= count) {
                throw new IllegalStateException("device " + this + " requested but only " + count + " CUDA device(s) exist");
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
