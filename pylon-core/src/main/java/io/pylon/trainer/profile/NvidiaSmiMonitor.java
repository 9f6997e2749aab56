package io.pylon.trainer.profile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The fallback when NVML does not load: one {@code nvidia-smi --query-gpu} call per sample (tens of
 * milliseconds, so it is only used on sampled steps).
 */
final class NvidiaSmiMonitor implements DeviceMonitor {

    private final int index;

    private NvidiaSmiMonitor(int index) {
        this.index = index;
    }

    static Optional<NvidiaSmiMonitor> open(int index) {
        NvidiaSmiMonitor monitor = new NvidiaSmiMonitor(index);
        return monitor.sample().isEmpty() ? Optional.empty() : Optional.of(monitor);
    }

    @Override
    public Map<String, Double> sample() {
        try {
            Process process = new ProcessBuilder("nvidia-smi", "--id=" + index,
                    "--query-gpu=utilization.gpu,memory.used,memory.total", "--format=csv,noheader,nounits")
                    .redirectErrorStream(true).start();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return Map.of();
            }
            String line = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return process.exitValue() == 0 ? parse(line) : Map.of();
        } catch (IOException e) {
            return Map.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Map.of();
        }
    }

    /** Parses {@code "87, 10240, 81559"} (percent, MiB, MiB). */
    static Map<String, Double> parse(String line) {
        String[] fields = line.split(",");
        if (fields.length != 3) {
            return Map.of();
        }
        try {
            Map<String, Double> values = new LinkedHashMap<>();
            values.put("gpu_util_pct", Double.parseDouble(fields[0].trim()));
            values.put("gpu_memory_used_mb", Double.parseDouble(fields[1].trim()));
            values.put("gpu_memory_total_mb", Double.parseDouble(fields[2].trim()));
            return values;
        } catch (NumberFormatException e) {
            return Map.of();
        }
    }

    @Override
    public String source() {
        return "nvidia-smi";
    }
}
