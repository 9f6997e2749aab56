package io.pylon.checkpoint;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The safetensors format: an 8-byte little-endian header length, a JSON header mapping each tensor name
 * to {dtype, shape, data_offsets} plus an optional {@code __metadata__} string map, then the raw data.
 */
public final class SafeTensors {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String METADATA = "__metadata__";

    private SafeTensors() {
    }

    /** The tensors and metadata of one file. */
    public record Contents(Map<String, StoredTensor> tensors, Map<String, String> metadata) {
    }

    public static void write(OutputStream out, Map<String, StoredTensor> tensors, Map<String, String> metadata)
            throws IOException {
        ObjectNode header = JSON.createObjectNode();
        if (!metadata.isEmpty()) {
            ObjectNode meta = header.putObject(METADATA);
            new TreeMap<>(metadata).forEach(meta::put);
        }
        long offset = 0;
        for (Map.Entry<String, StoredTensor> e : tensors.entrySet()) {
            StoredTensor t = e.getValue();
            ObjectNode entry = header.putObject(e.getKey());
            entry.put("dtype", t.dtype().name());
            ArrayNode shape = entry.putArray("shape");
            for (long d : t.shape()) {
                shape.add(d);
            }
            ArrayNode offsets = entry.putArray("data_offsets");
            offsets.add(offset);
            offset += t.data().length;
            offsets.add(offset);
        }
        byte[] headerBytes = paddedHeader(JSON.writeValueAsBytes(header));
        out.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(headerBytes.length).array());
        out.write(headerBytes);
        for (StoredTensor t : tensors.values()) {
            out.write(t.data());
        }
    }

    public static byte[] toBytes(Map<String, StoredTensor> tensors, Map<String, String> metadata) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            write(bytes, tensors, metadata);
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory cannot fail", e);
        }
        return bytes.toByteArray();
    }

    /**
     * Parses a whole file's bytes. Any inconsistency (short file, bad JSON, offsets outside the data,
     * size not matching dtype x shape) is a {@link CorruptFileException} saying what is wrong.
     */
    public static Contents parse(byte[] file, String source) {
        if (file.length < 8) {
            throw new CorruptFileException(source, "file has " + file.length + " bytes, shorter than the 8-byte header length");
        }
        long headerLength = ByteBuffer.wrap(file, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        if (headerLength <= 0 || headerLength > file.length - 8) {
            throw new CorruptFileException(source, "header length " + headerLength + " does not fit in a file of "
                    + file.length + " bytes (truncated or not a safetensors file)");
        }
        JsonNode header;
        try {
            header = JSON.readTree(new String(file, 8, (int) headerLength, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new CorruptFileException(source, "header is not valid JSON: " + e.getMessage());
        }
        int dataStart = 8 + (int) headerLength;
        Map<String, String> metadata = new LinkedHashMap<>();
        Map<String, StoredTensor> tensors = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = header.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equals(METADATA)) {
                e.getValue().fields().forEachRemaining(m -> metadata.put(m.getKey(), m.getValue().asText()));
                continue;
            }
            tensors.put(e.getKey(), readTensor(file, dataStart, e.getKey(), e.getValue(), source));
        }
        return new Contents(tensors, metadata);
    }

    private static StoredTensor readTensor(byte[] file, int dataStart, String name, JsonNode entry, String source) {
        DType dtype;
        try {
            dtype = DType.valueOf(entry.path("dtype").asText());
        } catch (IllegalArgumentException e) {
            throw new CorruptFileException(source, "tensor '" + name + "' has unknown dtype '" + entry.path("dtype").asText() + "'");
        }
        JsonNode shapeNode = entry.path("shape");
        long[] shape = new long[shapeNode.size()];
        long count = 1;
        for (int i = 0; i < shape.length; i++) {
            shape[i] = shapeNode.get(i).asLong();
            count *= shape[i];
        }
        long begin = entry.path("data_offsets").path(0).asLong(-1);
        long end = entry.path("data_offsets").path(1).asLong(-1);
        if (begin < 0 || end < begin || dataStart + end > file.length) {
            throw new CorruptFileException(source, "tensor '" + name + "' has data offsets [" + begin + ", " + end
                    + "] outside the " + (file.length - dataStart) + " data bytes (truncated file?)");
        }
        if (end - begin != count * dtype.bytes()) {
            throw new CorruptFileException(source, "tensor '" + name + "' holds " + (end - begin) + " bytes but "
                    + dtype + " x " + Arrays.toString(shape) + " needs " + count * dtype.bytes());
        }
        byte[] data = new byte[(int) (end - begin)];
        System.arraycopy(file, dataStart + (int) begin, data, 0, data.length);
        return new StoredTensor(dtype, shape, data);
    }

    /** Pads the header with spaces to a multiple of 8 bytes, as the reference implementation does. */
    private static byte[] paddedHeader(byte[] json) {
        int padded = (json.length + 7) / 8 * 8;
        byte[] out = new byte[padded];
        System.arraycopy(json, 0, out, 0, json.length);
        for (int i = json.length; i < padded; i++) {
            out[i] = ' ';
        }
        return out;
    }
}
