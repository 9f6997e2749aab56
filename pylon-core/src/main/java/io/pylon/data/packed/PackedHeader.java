package io.pylon.data.packed;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.pylon.data.DataException;
import io.pylon.data.Sample;
import io.pylon.data.array.DType;
import io.pylon.data.array.NdArray;

/**
 * The header of a packed file: 8 magic bytes {@code PYLNPACK}, a little-endian u32 format version, a u32
 * length {@code H} of the JSON that follows (space-padded so that the records start at a multiple of
 * {@value #ALIGNMENT} bytes), then the records. See {@code docs/data/packed.md} for the fields.
 *
 * @param input the input array of every record (its offset within the record is 0)
 * @param target the target array, at an 8-byte aligned offset after the input; empty when samples have none
 * @param denseTarget whether the target is a map over the input's spatial grid
 * @param count number of records
 * @param recordBytes the record stride, a multiple of {@value #ALIGNMENT}; padding bytes are zero
 * @param checksum CRC32C of all record bytes (padding included), from the first record to the end of file
 * @param classNames class names in label order, possibly empty
 * @param source the fingerprint of the dataset the file was packed from (informative)
 */
public record PackedHeader(Field input, Optional<Field> target, boolean denseTarget, long count, long recordBytes,
        long checksum, List<String> classNames, String source) {

    /** File name extension, with the dot. */
    public static final String EXTENSION = ".pylonpack";
    public static final int VERSION = 1;
    /** Alignment of the first record and of the record stride, in bytes (a cache line; divides a page). */
    public static final int ALIGNMENT = 64;
    static final byte[] MAGIC = "PYLNPACK".getBytes(StandardCharsets.US_ASCII);
    static final int PREFIX_BYTES = 16;
    /** Largest JSON header accepted; a larger length field means a corrupt header. */
    static final int MAX_JSON_BYTES = 16 << 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One array of a record.
     *
     * @param dtype element type
     * @param shape dimensions ({@code []} for a scalar such as a class label)
     * @param offset byte offset within the record
     */
    public record Field(DType dtype, List<Long> shape, long offset) {

        public Field {
            shape = List.copyOf(shape);
        }

        static Field of(NdArray array, long offset) {
            return new Field(array.dtype(), Arrays.stream(array.shape()).boxed().toList(), offset);
        }

        public long[] dims() {
            return shape.stream().mapToLong(Long::longValue).toArray();
        }

        public long bytes() {
            return NdArray.count(dims()) * dtype.bytes();
        }

        /** Whether {@code array} has this field's dtype and shape. */
        boolean matches(NdArray array) {
            return array.dtype() == dtype && Arrays.equals(array.shape(), dims());
        }

        @Override
        public String toString() {
            return dtype.id() + " " + shape;
        }
    }

    public PackedHeader {
        classNames = List.copyOf(classNames);
    }

    /** The layout of records holding samples like {@code first}, with count and checksum still zero. */
    static PackedHeader layoutOf(Sample first, List<String> classNames, String source) {
        Field input = Field.of(first.input(), 0);
        long end = input.bytes();
        Optional<Field> target = Optional.empty();
        if (first.target() != null) {
            Field t = Field.of(first.target(), align(end, 8));
            target = Optional.of(t);
            end = t.offset() + t.bytes();
        }
        long stride = Math.max(ALIGNMENT, align(end, ALIGNMENT));
        return new PackedHeader(input, target, first.denseTarget(), 0, stride, 0, classNames, source);
    }

    /** Bytes before the first record. */
    long dataOffset(int jsonBytes) {
        return PREFIX_BYTES + jsonBytes;
    }

    PackedHeader withTotals(long newCount, long newChecksum) {
        return new PackedHeader(input, target, denseTarget, newCount, recordBytes, newChecksum, classNames, source);
    }

    /** Header bytes to reserve before the records: room for any count, rounded up to the alignment. */
    int reservedBytes() {
        int json = withTotals(Long.MAX_VALUE, 0xffffffffL).json().length;
        return Math.toIntExact(align(PREFIX_BYTES + json, ALIGNMENT));
    }

    /** Prefix and JSON, padded with spaces to {@code reserved} bytes. */
    byte[] encode(int reserved) {
        byte[] json = json();
        if (PREFIX_BYTES + json.length > reserved) {
            throw new IllegalStateException("header of " + json.length + " bytes exceeds the reserved " + reserved);
        }
        ByteBuffer out = ByteBuffer.allocate(reserved).order(ByteOrder.LITTLE_ENDIAN);
        out.put(MAGIC).putInt(VERSION).putInt(reserved - PREFIX_BYTES).put(json);
        while (out.hasRemaining()) {
            out.put((byte) ' ');
        }
        return out.array();
    }

    private byte[] json() {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", "pylon-packed");
        putField(root.putObject("input"), input);
        target.ifPresentOrElse(t -> putField(root.putObject("target"), t), () -> root.putNull("target"));
        root.put("dense_target", denseTarget);
        root.put("record_bytes", recordBytes);
        root.put("count", count);
        root.put("checksum", String.format(Locale.ROOT, "crc32c:%08x", checksum));
        ArrayNode names = root.putArray("class_names");
        classNames.forEach(names::add);
        root.put("source", source);
        try {
            return JSON.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    private static void putField(ObjectNode node, Field field) {
        node.put("dtype", field.dtype().id());
        ArrayNode shape = node.putArray("shape");
        field.shape().forEach(shape::add);
        node.put("offset", field.offset());
    }

    /**
     * Reads the JSON length from the 16-byte prefix, checking magic and version.
     *
     * @throws DataException naming {@code file} for a foreign file, a newer version or a corrupt length
     */
    static int jsonLength(ByteBuffer prefix, long fileSize, String file) {
        if (prefix.remaining() < PREFIX_BYTES) {
            throw new DataException(file, DataException.NO_SAMPLE, "only " + fileSize + " bytes, too short for a"
                    + " packed header (" + PREFIX_BYTES + " bytes before the JSON): the file is truncated or empty;"
                    + " re-create it with 'pylon data pack'");
        }
        prefix.order(ByteOrder.LITTLE_ENDIAN);
        byte[] magic = new byte[MAGIC.length];
        prefix.get(magic);
        if (!Arrays.equals(magic, MAGIC)) {
            throw new DataException(file, DataException.NO_SAMPLE, "bad magic bytes " + hex(magic) + ": not a Pylon"
                    + " packed file (it starts with " + hex(MAGIC) + " 'PYLNPACK'); check the path, or create the"
                    + " file with 'pylon data pack'");
        }
        int version = prefix.getInt();
        if (version != VERSION) {
            throw new DataException(file, DataException.NO_SAMPLE, "format version " + Integer.toUnsignedString(version)
                    + ", but this Pylon reads version " + VERSION + "; re-pack the data with this Pylon or upgrade");
        }
        long length = Integer.toUnsignedLong(prefix.getInt());
        if (length > MAX_JSON_BYTES || PREFIX_BYTES + length > fileSize) {
            throw new DataException(file, DataException.NO_SAMPLE, "the header declares " + length + " bytes of JSON,"
                    + " but the file has " + fileSize + " bytes in all: the header is corrupt or the file truncated;"
                    + " re-create it with 'pylon data pack'");
        }
        return (int) length;
    }

    /** Parses and validates the JSON part. */
    static PackedHeader parse(byte[] json, String file) {
        try {
            JsonNode root = JSON.readTree(json);
            require(root != null && root.isObject() && "pylon-packed".equals(root.path("format").asText()), file,
                    "the header JSON lacks \"format\": \"pylon-packed\"");
            Field input = field(root.get("input"), "input", file);
            JsonNode targetNode = root.get("target");
            Optional<Field> target = targetNode == null || targetNode.isNull() ? Optional.empty()
                    : Optional.of(field(targetNode, "target", file));
            long recordBytes = number(root, "record_bytes", file);
            long count = number(root, "count", file);
            String checksumText = root.path("checksum").asText("");
            require(checksumText.matches("crc32c:[0-9a-f]{8}"), file,
                    "\"checksum\" must be \"crc32c:\" and 8 hex digits, got '" + checksumText + "'");
            List<String> names = new ArrayList<>();
            root.path("class_names").forEach(n -> names.add(n.asText()));
            PackedHeader header = new PackedHeader(input, target, root.path("dense_target").asBoolean(false), count,
                    recordBytes, Long.parseLong(checksumText.substring(7), 16), names, root.path("source").asText(""));
            header.checkLayout(file);
            return header;
        } catch (IOException e) {
            throw new DataException(file, DataException.NO_SAMPLE, "the header is not valid JSON (" + e.getMessage()
                    + "): the file is corrupt; re-create it with 'pylon data pack'", e);
        }
    }

    private void checkLayout(String file) {
        require(input.offset() == 0, file, "the input must start each record (offset 0), got " + input.offset());
        long end = input.bytes();
        if (target.isPresent()) {
            Field t = target.get();
            require(t.offset() >= end, file, "the target (offset " + t.offset() + ") overlaps the input (" + end
                    + " bytes)");
            end = t.offset() + t.bytes();
        }
        require(recordBytes >= end && recordBytes > 0 && recordBytes % ALIGNMENT == 0, file, "record_bytes "
                + recordBytes + " must be a positive multiple of " + ALIGNMENT + " holding the " + end
                + " bytes of input and target");
        require(count >= 0, file, "count must be >= 0, got " + count);
        require(!denseTarget || target.isPresent(), file, "dense_target is set but there is no target");
    }

    private static Field field(JsonNode node, String name, String file) {
        require(node != null && node.isObject(), file, "the header lacks the \"" + name + "\" object");
        DType dtype;
        try {
            dtype = DType.parse(node.path("dtype").asText(""));
        } catch (IllegalArgumentException e) {
            throw new DataException(file, DataException.NO_SAMPLE, name + ": " + e.getMessage(), e);
        }
        JsonNode shapeNode = node.get("shape");
        require(shapeNode != null && shapeNode.isArray(), file, name + ".shape must be a list of sizes");
        List<Long> shape = new ArrayList<>();
        for (JsonNode d : shapeNode) {
            require(d.canConvertToLong() && d.asLong() >= 0, file, name + ".shape holds " + d + ", not a size");
            shape.add(d.asLong());
        }
        Field field = new Field(dtype, shape, number(node, "offset", file));
        try {
            field.bytes();
        } catch (ArithmeticException e) {
            throw new DataException(file, DataException.NO_SAMPLE, name + ".shape " + shape + " overflows a 64-bit"
                    + " byte count: the header is corrupt; re-create the file with 'pylon data pack'", e);
        }
        return field;
    }

    private static long number(JsonNode node, String key, String file) {
        JsonNode value = node.get(key);
        require(value != null && value.canConvertToLong() && value.asLong() >= 0, file,
                "\"" + key + "\" must be a number >= 0, got " + value);
        return value.asLong();
    }

    private static void require(boolean condition, String file, String problem) {
        if (!condition) {
            throw new DataException(file, DataException.NO_SAMPLE, problem + ": the header is corrupt; re-create"
                    + " the file with 'pylon data pack'");
        }
    }

    static long align(long value, long alignment) {
        return (value + alignment - 1) / alignment * alignment;
    }

    private static String hex(byte[] bytes) {
        StringBuilder text = new StringBuilder();
        for (byte b : bytes) {
            text.append(text.isEmpty() ? "" : " ").append(String.format(Locale.ROOT, "%02x", b & 0xff));
        }
        return text.toString();
    }
}
