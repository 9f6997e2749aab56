package io.pylon.track;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
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
                if (i > start && !blank(bytes, start, i) && !parse(bytes, start, i - start, points)) {
                    bad++;
                }
                start = i + 1;
            }
        }
        return new Chunk(points, offset + end, bad);
    }

    private static boolean blank(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != ' ' && bytes[i] != '\t' && bytes[i] != '\r') {
                return false;
            }
        }
        return true;
    }

    /** Streams one record (no tree built: the index reads millions of lines). */
    private static boolean parse(byte[] bytes, int from, int length, List<MetricPoint> out) {
        List<String> keys = new ArrayList<>(4);
        List<Double> values = new ArrayList<>(4);
        long step = Long.MIN_VALUE;
        String split = "train";
        try (JsonParser p = JSON.getFactory().createParser(bytes, from, length)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return false;
            }
            for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
                String key = p.currentName();
                JsonToken v = p.nextToken();
                switch (key) {
                    case "step" -> {
                        if (v != JsonToken.VALUE_NUMBER_INT) {
                            return false;
                        }
                        step = p.getLongValue();
                    }
                    case "split" -> split = p.getValueAsString("train");
                    case "epoch" -> p.skipChildren();
                    default -> {
                        if (v == JsonToken.VALUE_NUMBER_INT || v == JsonToken.VALUE_NUMBER_FLOAT) {
                            keys.add(key);
                            values.add(p.getDoubleValue());
                        } else if (v == JsonToken.VALUE_STRING) {
                            // MetricsLog writes non-finite values as "NaN" / "Infinity" strings
                            keys.add(key);
                            values.add(Double.NaN);
                        } else {
                            p.skipChildren();
                        }
                    }
                }
            }
            if (step == Long.MIN_VALUE || p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null) {
                return false;
            }
        } catch (IOException e) {
            return false;
        }
        for (int i = 0; i < keys.size(); i++) {
            out.add(new MetricPoint(split + "/" + keys.get(i), step, values.get(i)));
        }
        return true;
    }
}
