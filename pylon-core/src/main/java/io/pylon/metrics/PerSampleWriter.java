package io.pylon.metrics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Writes the per-sample scores of one evaluation to {@code <runDir>/per_sample/<split>-step-<step, 6 digits>.json}
 * next to {@code metrics.jsonl}:
 * <pre>{"split": "val", "step": 123, "scores": {"dice/mean": {"0": 0.91, "7": 0.88}, ...}}</pre>
 * Sample indices are the JSON keys, in increasing order; a NaN or infinite score is written as null. The file is
 * written to a temporary name and moved into place, so a reader never sees half a file.
 */
public final class PerSampleWriter {

    public static final String FOLDER = "per_sample";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private PerSampleWriter() {
    }

    /** The file of one evaluation. */
    public static Path file(Path runDir, String split, long step) {
        return runDir.resolve(FOLDER).resolve(String.format("%s-step-%06d.json", split, step));
    }

    /** Writes {@code scores} (metric key -> sample index -> score) and returns the file. */
    public static Path write(Path runDir, String split, long step, Map<String, Map<Long, Double>> scores) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("split", split);
        document.put("step", step);
        Map<String, Object> byKey = new LinkedHashMap<>();
        scores.forEach((key, perSample) -> {
            Map<String, Double> ordered = new LinkedHashMap<>();
            new TreeMap<>(perSample).forEach((index, value) -> ordered.put(Long.toString(index),
                    value == null || !Double.isFinite(value) ? null : value));
            byKey.put(key, ordered);
        });
        document.put("scores", byKey);
        Path file = file(runDir, split, step);
        try {
            Files.createDirectories(file.getParent());
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            JSON.writeValue(temporary.toFile(), document);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write per-sample scores to " + file, e);
        }
        return file;
    }

    /** Reads back what {@link #write} wrote: metric key -> sample index -> score (null for a non-finite one). */
    public static Map<String, Map<Long, Double>> read(Path file) {
        try {
            Map<?, ?> document = JSON.readValue(file.toFile(), Map.class);
            Map<String, Map<Long, Double>> out = new LinkedHashMap<>();
            ((Map<?, ?>) document.get("scores")).forEach((key, perSample) -> {
                Map<Long, Double> samples = new TreeMap<>();
                ((Map<?, ?>) perSample).forEach((index, value) -> samples.put(Long.parseLong((String) index),
                        value == null ? null : ((Number) value).doubleValue()));
                out.put((String) key, samples);
            });
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read per-sample scores from " + file, e);
        }
    }
}
