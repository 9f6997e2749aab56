package io.pylon.trainer.profile;

import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * GPU utilisation and memory of device 0, read from NVML through the JDK's foreign-function API
 * ({@link NvmlMonitor}), else from {@code nvidia-smi} ({@link NvidiaSmiMonitor}). Where neither exists
 * (a CPU machine) it reports nothing and says so once in the log.
 */
public sealed interface DeviceMonitor extends AutoCloseable permits NvmlMonitor, NvidiaSmiMonitor, DeviceMonitor.None {

    Logger LOG = LoggerFactory.getLogger(DeviceMonitor.class);

    /** {@code gpu_util_pct}, {@code gpu_memory_used_mb}, {@code gpu_memory_total_mb}; empty when unknown. */
    Map<String, Double> sample();

    /** Where the readings come from (for the log). */
    String source();

    @Override
    default void close() {
    }

    /** NVML if it loads, else nvidia-smi if it runs, else a monitor that reports nothing. */
    static DeviceMonitor open() {
        Optional<DeviceMonitor> monitor = NvmlMonitor.open(0).map(m -> (DeviceMonitor) m)
                .or(() -> NvidiaSmiMonitor.open(0).map(m -> (DeviceMonitor) m));
        if (monitor.isEmpty()) {
            LOG.info("device monitor: no NVIDIA driver found (libnvidia-ml.so.1 does not load and nvidia-smi does not"
                    + " run), so GPU utilisation and memory are not logged");
            return none();
        }
        LOG.info("device monitor: reading GPU utilisation and memory from {}", monitor.get().source());
        return monitor.get();
    }

    static DeviceMonitor none() {
        return new None();
    }

    /** Reports nothing (CPU runs, or no driver). */
    record None() implements DeviceMonitor {
        @Override
        public Map<String, Double> sample() {
            return Map.of();
        }

        @Override
        public String source() {
            return "nothing (no NVIDIA driver)";
        }
    }
}
