package io.pylon.data.format;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

import io.pylon.data.DataException;
import io.pylon.data.array.DType;
import io.pylon.data.array.NdArray;

/**
 * The header of a NumPy {@code .npy} file (format versions 1.0, 2.0 and 3.0): the magic {@code \x93NUMPY},
 * major and minor version bytes, the header length (2 bytes little-endian in 1.0, 4 bytes in 2.0 and 3.0),
 * then a Python dict literal {@code {'descr': '<f4', 'fortran_order': False, 'shape': (3, 4), }} padded with
 * spaces and a newline; the data starts right after it. Version 3.0 differs from 2.0 only in allowing UTF-8
 * in the header.
 *
 * @param dtype element type
 * @param bigEndian whether multi-byte elements are stored big-endian ({@code '>'}) and must be converted
 * @param fortranOrder whether the elements are stored column-major (first index fastest)
 * @param shape dimensions; {@code []} for a 0-d array
 * @param dataOffset byte offset of the first element
 */
record NpyHeader(DType dtype, boolean bigEndian, boolean fortranOrder, long[] shape, long dataOffset) {

    static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    /** Headers longer than this are refused as corrupt (NumPy itself refuses more than 10,000 bytes). */
    static final int MAX_HEADER_BYTES = 1 << 20;
    /** numpy aligns the data to 64 bytes. */
    private static final int ALIGN = 64;
    /** numpy leaves room in the header for the first axis to grow to this many digits. */
    private static final int GROWTH_AXIS_MAX_DIGITS = 21;
    private static final String REMEDY = "; re-create or re-download the file";

    NpyHeader {
        shape = shape.clone();
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    /** Bytes of element data the header promises. */
    long dataBytes() {
        return NdArray.count(shape) * dtype.bytes();
    }

    /**
     * Parses the header at the start of {@code file}'s bytes.
     *
     * @param source names the file (or archive entry) in errors
     * @throws DataException for a bad magic number, an unknown version, a truncated or malformed header, or
     *         an unsupported dtype
     */
    static NpyHeader parse(MemorySegment file, String source) {
        long size = file.byteSize();
        if (size < 10) {
            throw fail(source, "only " + size + " bytes, too short for a .npy header: the file is truncated or empty");
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (file.get(ValueLayout.JAVA_BYTE, i) != MAGIC[i]) {
                throw fail(source, "bad magic number: not a .npy file (one starts with \\x93NUMPY)");
            }
        }
        int major = file.get(ValueLayout.JAVA_BYTE, 6) & 0xff;
        int minor = file.get(ValueLayout.JAVA_BYTE, 7) & 0xff;
        if (major < 1 || major > 3) {
            throw fail(source, "unsupported .npy format version " + major + "." + minor
                    + " (supported: 1.0, 2.0, 3.0)");
        }
        long lengthBytes = major == 1 ? 2 : 4;
        if (size < 8 + lengthBytes) {
            throw fail(source, "the file ends inside the header length: the file is truncated");
        }
        long headerLength = major == 1
                ? file.get(ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN), 8) & 0xffff
                : file.get(ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN), 8) & 0xffffffffL;
        if (headerLength > MAX_HEADER_BYTES) {
            throw fail(source, "the header claims " + headerLength + " bytes, more than " + MAX_HEADER_BYTES
                    + ": the header is corrupt");
        }
        long start = 8 + lengthBytes;
        if (size < start + headerLength) {
            throw fail(source, "the header is " + headerLength + " bytes but the file ends after "
                    + (size - start) + " of them: the file is truncated");
        }
        byte[] headerBytes = file.asSlice(start, headerLength).toArray(ValueLayout.JAVA_BYTE);
        String text = new String(headerBytes, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        return fromDict(text, start + headerLength, source);
    }

    private static NpyHeader fromDict(String text, long dataOffset, String source) {
        Object literal;
        try {
            literal = PythonLiteral.parse(text);
        } catch (IllegalArgumentException e) {
            throw new DataException(source, DataException.NO_SAMPLE, "malformed header: " + e.getMessage() + REMEDY, e);
        }
        if (!(literal instanceof Map<?, ?> dict)) {
            throw fail(source, "the header is not a dict: \"" + text.strip() + "\"");
        }
        Object descr = require(dict, "descr", source);
        Object fortran = require(dict, "fortran_order", source);
        Object shapeValue = require(dict, "shape", source);
        if (!(descr instanceof String d)) {
            throw fail(source, "unsupported dtype " + descr + ": structured arrays are not supported; use one of "
                    + supportedDescrs());
        }
        if (!(fortran instanceof Boolean f)) {
            throw fail(source, "'fortran_order' must be True or False, got " + fortran);
        }
        long[] shape = shape(shapeValue, source);
        char order = d.isEmpty() ? '?' : d.charAt(0);
        DType dtype = dtypeOf(d.length() > 1 ? d.substring(1) : "").orElseThrow(() -> fail(source, "unsupported"
                + " dtype '" + d + "'; supported: " + supportedDescrs()));
        if (order != '<' && order != '>' && order != '|' && order != '=') {
            throw fail(source, "unsupported dtype '" + d + "': the byte order must be '<', '>', '|' or '='");
        }
        if (order == '|' && dtype.bytes() > 1) {
            throw fail(source, "dtype '" + d + "' has no byte order ('|') but " + dtype.bytes() + "-byte elements");
        }
        // '=' (native) is never written by numpy; the files it could come from are little-endian machines
        boolean bigEndian = order == '>' && dtype.bytes() > 1;
        try {
            NdArray.count(shape);
        } catch (ArithmeticException e) {
            throw new DataException(source, DataException.NO_SAMPLE, "shape " + Arrays.toString(shape)
                    + " has more elements than fit 64 bits: the header is corrupt" + REMEDY, e);
        }
        return new NpyHeader(dtype, bigEndian, f, shape, dataOffset);
    }

    private static Object require(Map<?, ?> dict, String key, String source) {
        if (!dict.containsKey(key)) {
            throw fail(source, "the header has no '" + key + "' entry (it has " + dict.keySet() + ")");
        }
        return dict.get(key);
    }

    private static long[] shape(Object value, String source) {
        if (!(value instanceof List<?> dims)) {
            throw fail(source, "'shape' must be a tuple of integers, got " + value);
        }
        long[] shape = new long[dims.size()];
        for (int i = 0; i < shape.length; i++) {
            if (!(dims.get(i) instanceof Long dim) || dim < 0) {
                throw fail(source, "'shape' must be a tuple of integers >= 0, got " + value);
            }
            shape[i] = dim;
        }
        return shape;
    }

    /** The dtype of a descr without its byte-order character, e.g. {@code f4}. */
    static Optional<DType> dtypeOf(String code) {
        for (DType t : DType.values()) {
            if (code(t).equals(code)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** numpy's type code of {@code type} without byte order: {@code b1 u1 i1 u2 i2 i4 i8 f4 f8}. */
    static String code(DType type) {
        return switch (type) {
            case BOOL -> "b1";
            case UINT8 -> "u1";
            case INT8 -> "i1";
            case UINT16 -> "u2";
            case INT16 -> "i2";
            case INT32 -> "i4";
            case INT64 -> "i8";
            case FLOAT32 -> "f4";
            case FLOAT64 -> "f8";
        };
    }

    /** The descr numpy writes for little-endian data of {@code type}: {@code |u1}, {@code <f4} ... */
    static String descr(DType type) {
        return (type.bytes() == 1 ? "|" : "<") + code(type);
    }

    /**
     * The complete header for little-endian C-ordered data, byte for byte what {@code numpy.save} writes:
     * version 1.0 (2.0 when the header would exceed 65,535 bytes), spare spaces so that the first axis can
     * grow in place, then 1 to 64 spaces and a newline so that the data starts at a multiple of 64 bytes.
     */
    static byte[] encode(DType type, long[] shape) {
        StringJoiner dims = new StringJoiner(", ", "(", shape.length == 1 ? ",)" : ")");
        for (long d : shape) {
            dims.add(Long.toString(d));
        }
        String dict = "{'descr': '" + descr(type) + "', 'fortran_order': False, 'shape': " + dims + ", }";
        if (shape.length > 0) {
            dict += " ".repeat(Math.max(0, GROWTH_AXIS_MAX_DIGITS - Long.toString(shape[0]).length()));
        }
        int prefix = 10;
        int headerLength = padded(dict.length() + 1, prefix);
        if (headerLength > 0xffff) {
            prefix = 12;
            headerLength = padded(dict.length() + 1, prefix);
        }
        byte[] out = new byte[prefix + headerLength];
        System.arraycopy(MAGIC, 0, out, 0, MAGIC.length);
        out[6] = (byte) (prefix == 10 ? 1 : 2);
        out[7] = 0;
        for (int i = 0; i < prefix - 8; i++) {
            out[8 + i] = (byte) (headerLength >>> (8 * i));
        }
        byte[] text = dict.getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(text, 0, out, prefix, text.length);
        Arrays.fill(out, prefix + text.length, out.length - 1, (byte) ' ');
        out[out.length - 1] = '\n';
        return out;
    }

    /** numpy's padding: {@code 64 - (prefix + length) % 64} spaces, so 64 when already aligned. */
    private static int padded(int length, int prefix) {
        return length + ALIGN - (prefix + length) % ALIGN;
    }

    private static String supportedDescrs() {
        List<String> all = new ArrayList<>();
        for (DType t : DType.values()) {
            all.add(descr(t));
        }
        return String.join(" ", all) + " (and '>' big-endian variants)";
    }

    private static DataException fail(String source, String problem) {
        return new DataException(source, DataException.NO_SAMPLE, problem + REMEDY);
    }
}
