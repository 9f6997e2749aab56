package io.pylon.trainer.profile;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The phases of one synchronised step.
 *
 * @param step optimizer step (1-based)
 * @param millis milliseconds per phase (summed over the step's micro-batches)
 * @param peakHostBytes peak resident memory of the process during the step (Linux; empty elsewhere)
 */
public record StepTimings(long step, Map<Phase, Double> millis, OptionalLong peakHostBytes) {

    public StepTimings {
        millis = new EnumMap<>(millis.isEmpty() ? new EnumMap<>(Phase.class) : millis);
    }

    public double totalMillis() {
        return millis.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /** As logged to metrics.jsonl: {@code time_ms/<phase>}, {@code time_ms/step}, {@code peak_host_memory_mb}. */
    public Map<String, Double> logValues() {
        Map<String, Double> values = new LinkedHashMap<>();
        millis.forEach((phase, ms) -> values.put("time_ms/" + phase.key(), ms));
        values.put("time_ms/step", totalMillis());
        peakHostBytes.ifPresent(bytes -> values.put("peak_host_memory_mb", bytes / (1024.0 * 1024.0)));
        return values;
    }

    /** A short form for the progress bar: the three largest phases. */
    public String summary() {
        StringBuilder text = new StringBuilder();
        millis.entrySet().stream().sorted(Map.Entry.<Phase, Double>comparingByValue().reversed()).limit(3)
                .forEach(e -> text.append(text.isEmpty() ? "" : " ").append(e.getKey().key())
                        .append(String.format(Locale.ROOT, " %.1fms", e.getValue())));
        return text.toString();
    }
}
