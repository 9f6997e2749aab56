package io.pylon.data.cache;

import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32C;

import io.pylon.data.Sample;
import io.pylon.data.array.DType;
import io.pylon.data.array.NdArray;

/**
 * The encoding of one cached sample: magic {@code PYLNSMPL}, u32 version, u32 flags (bit 0: has a target,
 * bit 1: dense target), i64 sample index, input dtype code and rank, target dtype code and rank (u8 each),
 * 4 reserved bytes, the dimensions (i64 each), the input bytes, the target bytes, and a CRC32C of everything
 * before it. Little-endian. The CRC, the exact length and the index make a torn, truncated or misplaced file
 * detectable, so a damaged entry is recomputed rather than returned.
 */
final class SampleFile {

    static final int VERSION = 1;
    private static final byte[] MAGIC = "PYLNSMPL".getBytes(StandardCharsets.US_ASCII);
    private static final int FIXED = 32;
    /** Codes written for each dtype; fixed here so that reordering {@link DType} cannot change old files. */
    private static final List<DType> CODES = List.of(DType.BOOL, DType.UINT8, DType.INT8, DType.UINT16,
            DType.INT16, DType.INT32, DType.INT64, DType.FLOAT32, DType.FLOAT64);

    /** A cache file that cannot be a valid entry; the message says why. */
    static final class CorruptEntryException extends Exception {

        private static final long serialVersionUID = 1L;

        CorruptEntryException(String message) {
            super(message);
        }
    }

    private SampleFile() {
    }

    /** The entry for sample {@code index} (stored with it, whatever index the transforms left in the sample). */
    static byte[] encode(long index, Sample sample) {
        NdArray input = sample.input();
        NdArray target = sample.target();
        int dims = input.rank() + (target == null ? 0 : target.rank());
        long payload = input.byteSize() + (target == null ? 0 : target.byteSize());
        ByteBuffer out = ByteBuffer.allocate(Math.toIntExact(FIXED + 8L * dims + payload + 4))
                .order(ByteOrder.LITTLE_ENDIAN);
        int flags = (target == null ? 0 : 1) | (sample.denseTarget() ? 2 : 0);
        out.put(MAGIC).putInt(VERSION).putInt(flags).putLong(index);
        out.put((byte) CODES.indexOf(input.dtype())).put((byte) input.rank());
        out.put((byte) (target == null ? 0 : CODES.indexOf(target.dtype())))
                .put((byte) (target == null ? 0 : target.rank()));
        out.putInt(0);
        putDims(out, input);
        if (target != null) {
            putDims(out, target);
        }
        MemorySegment bytes = MemorySegment.ofArray(out.array());
        int at = out.position();
        MemorySegment.copy(input.data(), 0, bytes, at, input.byteSize());
        at += (int) input.byteSize();
        if (target != null) {
            MemorySegment.copy(target.data(), 0, bytes, at, target.byteSize());
            at += (int) target.byteSize();
        }
        CRC32C crc = new CRC32C();
        crc.update(out.array(), 0, at);
        out.position(at).putInt((int) crc.getValue());
        return out.array();
    }

    /**
     * Decodes a file's bytes into a sample of typed heap arrays ({@code float[]}-backed for float32 ...), as
     * the transforms that produced it return them.
     *
     * @throws CorruptEntryException when the bytes are not a complete, intact entry for sample {@code index}
     */
    static Sample decode(byte[] file, long index) throws CorruptEntryException {
        if (file.length < FIXED + 4) {
            throw new CorruptEntryException("only " + file.length + " bytes, too short for an entry (truncated)");
        }
        CRC32C crc = new CRC32C();
        crc.update(file, 0, file.length - 4);
        ByteBuffer in = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        if ((int) crc.getValue() != in.getInt(file.length - 4)) {
            throw new CorruptEntryException("CRC32C mismatch (torn or truncated write, or disk corruption)");
        }
        byte[] magic = new byte[MAGIC.length];
        in.get(magic);
        int version = in.getInt();
        if (!Arrays.equals(magic, MAGIC) || version != VERSION) {
            throw new CorruptEntryException("not a version " + VERSION + " sample entry");
        }
        int flags = in.getInt();
        long storedIndex = in.getLong();
        if (storedIndex != index) {
            throw new CorruptEntryException("holds sample " + storedIndex + ", not " + index);
        }
        DType inputType = dtype(in.get());
        int inputRank = in.get() & 0xff;
        DType targetType = dtype(in.get());
        int targetRank = in.get() & 0xff;
        in.getInt();
        boolean hasTarget = (flags & 1) != 0;
        if (in.remaining() < 8L * (inputRank + targetRank) + 4) {
            throw new CorruptEntryException("the dimensions run past the end of the file");
        }
        long[] inputShape = dims(in, inputRank);
        long[] targetShape = hasTarget ? dims(in, targetRank) : null;
        NdArray input = read(in, inputType, inputShape);
        NdArray target = hasTarget ? read(in, targetType, targetShape) : null;
        if (in.remaining() != 4) {
            throw new CorruptEntryException((in.remaining() - 4) + " bytes more than the arrays need");
        }
        try {
            return new Sample(index, input, target, (flags & 2) != 0);
        } catch (IllegalArgumentException e) {
            throw new CorruptEntryException(e.getMessage());
        }
    }

    private static void putDims(ByteBuffer out, NdArray array) {
        for (long d : array.shape()) {
            out.putLong(d);
        }
    }

    private static long[] dims(ByteBuffer in, int rank) throws CorruptEntryException {
        long[] shape = new long[rank];
        for (int i = 0; i < rank; i++) {
            shape[i] = in.getLong();
            if (shape[i] < 0 || shape[i] > Integer.MAX_VALUE) {
                throw new CorruptEntryException("dimension " + shape[i] + " out of range");
            }
        }
        return shape;
    }

    private static NdArray read(ByteBuffer in, DType type, long[] shape) throws CorruptEntryException {
        long bytes;
        try {
            bytes = NdArray.count(shape) * type.bytes();
        } catch (ArithmeticException e) {
            throw new CorruptEntryException("shape " + Arrays.toString(shape) + " overflows");
        }
        if (bytes > in.remaining() - 4) {
            throw new CorruptEntryException("the arrays need more bytes than the file holds");
        }
        NdArray array = NdArray.zeros(type, shape);
        MemorySegment.copy(MemorySegment.ofArray(in.array()), in.position(), array.data(), 0, bytes);
        in.position(in.position() + (int) bytes);
        return array;
    }

    private static DType dtype(byte code) throws CorruptEntryException {
        int i = code & 0xff;
        if (i >= CODES.size()) {
            throw new CorruptEntryException("unknown dtype code " + i);
        }
        return CODES.get(i);
    }
}
