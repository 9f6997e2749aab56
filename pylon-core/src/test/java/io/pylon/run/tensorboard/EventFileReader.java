package io.pylon.run.tensorboard;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * An independent reader of TensorBoard event files, written from the format spec (TFRecord framing,
 * event.proto, summary.proto) and sharing no code with the writer: its own table-driven CRC32C
 * (Castagnoli, reflected polynomial 0x82F63B78) and its own protobuf wire-format decoder. It fails on
 * any framing or checksum error.
 */
public final class EventFileReader {

    /** One decoded Summary.Value (exactly one of simple value, text or histogram is set). */
    public record Value(long step, double wallTime, String tag, Float simpleValue, String text, String pluginName,
                        double[] histogram) {
    }

    /** An Event: its version string for the header, otherwise its summary values. */
    public record Event(double wallTime, long step, String fileVersion, List<Value> values) {
    }

    private static final int[] TABLE = new int[256];

    static {
        for (int n = 0; n < 256; n++) {
            int c = n;
            for (int k = 0; k < 8; k++) {
                c = (c & 1) != 0 ? (c >>> 1) ^ 0x82F63B78 : c >>> 1;
            }
            TABLE[n] = c;
        }
    }

    private EventFileReader() {
    }

    static int crc32c(byte[] data, int offset, int length) {
        int crc = 0xFFFFFFFF;
        for (int i = offset; i < offset + length; i++) {
            crc = TABLE[(crc ^ data[i]) & 0xFF] ^ (crc >>> 8);
        }
        return ~crc;
    }

    static int masked(int crc) {
        return Integer.rotateRight(crc, 15) + 0xa282ead8;
    }

    public static List<Event> read(Path file) throws IOException {
        byte[] all = Files.readAllBytes(file);
        ByteBuffer in = ByteBuffer.wrap(all).order(ByteOrder.LITTLE_ENDIAN);
        List<Event> events = new ArrayList<>();
        while (in.hasRemaining()) {
            int start = in.position();
            long length = in.getLong();
            int lengthCrc = in.getInt();
            if (lengthCrc != masked(crc32c(all, start, 8))) {
                throw new IOException("length checksum mismatch at byte " + start);
            }
            byte[] data = new byte[Math.toIntExact(length)];
            in.get(data);
            if (in.getInt() != masked(crc32c(data, 0, data.length))) {
                throw new IOException("data checksum mismatch in record at byte " + start);
            }
            events.add(event(data));
        }
        return events;
    }

    private static Event event(byte[] data) throws IOException {
        double wallTime = 0;
        long step = 0;
        String version = null;
        List<Value> values = new ArrayList<>();
        Wire w = new Wire(data);
        while (w.more()) {
            long key = w.varint();
            int field = (int) (key >>> 3);
            switch (field) {
                case 1 -> wallTime = Double.longBitsToDouble(w.fixed64());
                case 2 -> step = w.varint();
                case 3 -> version = new String(w.bytes(), StandardCharsets.UTF_8);
                case 5 -> {
                    Wire summary = new Wire(w.bytes());
                    while (summary.more()) {
                        if (summary.varint() >>> 3 != 1) {
                            throw new IOException("unexpected field in Summary");
                        }
                        values.add(value(summary.bytes(), step, wallTime));
                    }
                }
                default -> throw new IOException("unexpected Event field " + field);
            }
        }
        return new Event(wallTime, step, version, values);
    }

    private static Value value(byte[] data, long step, double wallTime) throws IOException {
        String tag = null;
        Float simple = null;
        String text = null;
        String plugin = null;
        double[] histogram = null;
        Wire w = new Wire(data);
        while (w.more()) {
            int field = (int) (w.varint() >>> 3);
            switch (field) {
                case 1 -> tag = new String(w.bytes(), StandardCharsets.UTF_8);
                case 2 -> simple = Float.intBitsToFloat(w.fixed32());
                case 5 -> histogram = histogram(w.bytes());
                case 8 -> text = stringTensor(w.bytes());
                case 9 -> plugin = pluginName(w.bytes());
                default -> throw new IOException("unexpected Summary.Value field " + field);
            }
        }
        return new Value(step, wallTime, tag, simple, text, plugin, histogram);
    }

    /** [min, max, num, sum, sum_squares, then bucket counts]: enough to check what was summarised. */
    private static double[] histogram(byte[] data) throws IOException {
        double[] head = new double[5];
        List<Double> buckets = new ArrayList<>();
        Wire w = new Wire(data);
        while (w.more()) {
            int field = (int) (w.varint() >>> 3);
            if (field >= 1 && field <= 5) {
                head[field - 1] = Double.longBitsToDouble(w.fixed64());
            } else if (field == 6 || field == 7) {
                ByteBuffer packed = ByteBuffer.wrap(w.bytes()).order(ByteOrder.LITTLE_ENDIAN);
                while (packed.hasRemaining()) {
                    double v = packed.getDouble();
                    if (field == 7) {
                        buckets.add(v);
                    }
                }
            } else {
                throw new IOException("unexpected HistogramProto field " + field);
            }
        }
        double[] out = new double[5 + buckets.size()];
        System.arraycopy(head, 0, out, 0, 5);
        for (int i = 0; i < buckets.size(); i++) {
            out[5 + i] = buckets.get(i);
        }
        return out;
    }

    private static String stringTensor(byte[] data) throws IOException {
        Wire w = new Wire(data);
        String value = null;
        long dtype = -1;
        while (w.more()) {
            long key = w.varint();
            int field = (int) (key >>> 3);
            if (field == 1) {
                dtype = w.varint();
            } else if (field == 8) {
                value = new String(w.bytes(), StandardCharsets.UTF_8);
            } else if ((key & 7) == 2) {
                w.bytes();
            } else {
                throw new IOException("unexpected TensorProto field " + field);
            }
        }
        if (dtype != 7) {
            throw new IOException("text tensor must be DT_STRING (7), got " + dtype);
        }
        return value;
    }

    private static String pluginName(byte[] metadata) throws IOException {
        Wire w = new Wire(metadata);
        while (w.more()) {
            long key = w.varint();
            byte[] nested = w.bytes();
            if (key >>> 3 == 1) {
                Wire plugin = new Wire(nested);
                while (plugin.more()) {
                    long k = plugin.varint();
                    byte[] v = plugin.bytes();
                    if (k >>> 3 == 1) {
                        return new String(v, StandardCharsets.UTF_8);
                    }
                }
            }
        }
        return null;
    }

    private static final class Wire {
        private final byte[] data;
        private int at;

        Wire(byte[] data) {
            this.data = data;
        }

        boolean more() {
            return at < data.length;
        }

        long varint() throws IOException {
            long result = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                if (at >= data.length) {
                    throw new IOException("truncated varint");
                }
                byte b = data[at++];
                result |= (long) (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    return result;
                }
            }
            throw new IOException("varint too long");
        }

        long fixed64() {
            long v = ByteBuffer.wrap(data, at, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
            at += 8;
            return v;
        }

        int fixed32() {
            int v = ByteBuffer.wrap(data, at, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
            at += 4;
            return v;
        }

        byte[] bytes() throws IOException {
            int length = Math.toIntExact(varint());
            if (at + length > data.length) {
                throw new IOException("truncated length-delimited field");
            }
            byte[] out = new byte[length];
            System.arraycopy(data, at, out, 0, length);
            at += length;
            return out;
        }
    }
}
