package io.pylon.track;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads the complete lines of {@code metrics.jsonl} from a byte offset on. A line still being written
 * (no newline yet) is left for the next read, so a reader never sees a torn record; a damaged complete
 * line is counted and skipped rather than stopping the index.
 */
final class MetricLines {

    /** What one read found: the points, where the next read starts, and how many lines were unreadable. */
    record Chunk(List<MetricPoint> points, long nextOffset, int badLines) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private MetricLines() {
    }

    static Chunk readFrom(Path file, long offset, long size) throws IOException {
        if (size <= offset) {
            return new Chunk(List.of(), offset, 0);
        }
        byte[] bytes = new byte[Math.toIntExact(size - offset)];
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            long at = offset;
            while (buffer.hasRemaining()) {
                int n = channel.read(buffer, at);
                if (n < 0) {
                    break;
                }
                at += n;
            }
        }
        int end = bytes.length;
        while (end > 0 && bytes[end - 1] != '\n') {
            end--;
        }
        List<MetricPoint> points = new ArrayList<>();
        int bad = 0;
        int start = 0;
        for (int i = 0; i < end; i++) {
            if (bytes[i] == '\n') {
                if (i > start && !parse(new String(bytes, start, i - start, StandardCharsets.UTF_8), points)) {
                    bad++;
                }
                start = i + 1;
            }
        }
        return new Chunk(points, offset + end, bad);
    }

    private static boolean parse(String line, List<MetricPoint> out) {
        if (line.isBlank()) {
            return true;
        }
        try {
            JsonNode record = JSON.readTree(line);
            if (!record.isObject() || !record.path("step").canConvertToLong()) {
                return false;
            }
            long step = record.path("step").asLong();
            String split = record.path("split").asText("train");
            for (Iterator<Map.Entry<String, JsonNode>> it = record.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> field = it.next();
                String key = field.getKey();
                if (key.equals("step") || key.equals("epoch") || key.equals("split")) {
                    continue;
                }
                JsonNode v = field.getValue();
                if (v.isNumber()) {
                    out.add(new MetricPoint(split + "/" + key, step, v.asDouble()));
                } else if (v.isTextual()) {
                    // MetricsLog writes non-finite values as "NaN" / "Infinity" strings
                    out.add(new MetricPoint(split + "/" + key, step, Double.NaN));
                }
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
