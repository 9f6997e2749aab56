package io.pylon.run;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code metrics.jsonl}: one JSON object per line with {@code step}, {@code epoch}, {@code split} and the
 * values. Each line is flushed as written so a killed run keeps everything it logged.
 */
public final class MetricsLog implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path file;
    private final BufferedWriter writer;

    private MetricsLog(Path file, BufferedWriter writer) {
        this.file = file;
        this.writer = writer;
    }

    public static MetricsLog append(Path file) {
        try {
            return new MetricsLog(file, Files.newBufferedWriter(file, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND));
        } catch (IOException e) {
            throw new UncheckedIOException("could not open " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Opens for a resumed run: lines logged after {@code resumedStep} were produced after the checkpoint
     * and will be produced again, so they move to {@code metrics.jsonl.after-step-N} instead of being
     * duplicated (nothing written is lost).
     */
    public static MetricsLog resume(Path file, long resumedStep) {
        if (Files.exists(file)) {
            try {
                List<String> keep = new ArrayList<>();
                List<String> later = new ArrayList<>();
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    if (line.isBlank()) {
                        continue;
                    }
                    (stepOf(line, file) <= resumedStep ? keep : later).add(line);
                }
                if (!later.isEmpty()) {
                    Files.write(file.resolveSibling(file.getFileName() + ".after-step-" + resumedStep), later,
                            StandardCharsets.UTF_8);
                    Files.write(file, keep, StandardCharsets.UTF_8);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("could not rewrite " + file + " for resume: " + e.getMessage(), e);
            }
        }
        return append(file);
    }

    public void log(long step, int epoch, String split, Map<String, ? extends Number> values) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("step", step);
        record.put("epoch", epoch);
        record.put("split", split);
        values.forEach((k, v) -> record.put(k, finiteOrString(v)));
        try {
            writer.write(JSON.writeValueAsString(record));
            writer.newLine();
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("could not append to " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads every record of a metrics file (for tests, resume and the viewer). */
    public static List<JsonNode> read(Path file) {
        try {
            List<JsonNode> records = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    records.add(JSON.readTree(line));
                }
            }
            return records;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file + ": " + e.getMessage(), e);
        }
    }

    private static long stepOf(String line, Path file) {
        try {
            return JSON.readTree(line).path("step").asLong();
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("corrupt line in " + file + ": " + line, e);
        }
    }

    /** JSON has no NaN/Infinity; write them as strings so the line stays valid and the fact visible. */
    private static Object finiteOrString(Number v) {
        double d = v.doubleValue();
        return Double.isFinite(d) ? v : Double.toString(d);
    }

    @Override
    public void close() {
        try {
            writer.close();
        } catch (IOException e) {
            throw new UncheckedIOException("could not close " + file + ": " + e.getMessage(), e);
        }
    }
}
