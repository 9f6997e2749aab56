package io.pylon.data.format;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

import io.pylon.data.DataException;
import io.pylon.data.array.NdArray;

/**
 * Reads and writes NumPy {@code .npy} files (format versions 1.0, 2.0 and 3.0; see {@link NpyHeader}).
 *
 * <p>Supported dtypes: {@code |b1 |u1 |i1 <u2 <i2 <i4 <i8 <f4 <f8} and their big-endian {@code '>'} variants,
 * which are converted to native order while reading. Fortran-ordered arrays ({@code fortran_order: True}) are
 * transposed into C order on reading, so the result always has the shape the header states and
 * {@code a[i, j]} is the same element numpy shows. Little-endian C-ordered files can be memory-mapped
 * ({@link #map}): the array is then a view of the file and nothing is copied onto the heap.
 *
 * <p>The writer writes version 1.0 headers (2.0 when the header would exceed 65,535 bytes), little-endian,
 * C order, with the data aligned to 64 bytes as numpy does.
 */
public final class Npy {

    private static final int CHUNK = 1 << 20;
    private static final String REMEDY = "; re-create or re-download the file";

    private Npy() {
    }

    /**
     * Reads {@code file} into a heap array (a copy, independent of the file).
     *
     * @throws DataException for a missing, truncated or malformed file, or an unsupported dtype
     */
    public static NdArray read(Path file) {
        try (Arena arena = Arena.ofConfined()) {
            NdArray mapped = map(file, arena);
            NdArray copy = NdArray.zeros(mapped.dtype(), mapped.shape());
            MemorySegment.copy(mapped.data(), 0, copy.data(), 0, mapped.byteSize());
            return copy;
        }
    }

    /**
     * Maps {@code file}: for little-endian C-ordered data the result is a read-only view of the mapping, valid
     * until {@code arena} closes; otherwise (big-endian or Fortran order) a converted heap copy.
     *
     * @throws DataException for a missing, truncated or malformed file, or an unsupported dtype
     */
    public static NdArray map(Path file, Arena arena) {
        String source = file.toString();
        MemorySegment whole;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            whole = size == 0 ? MemorySegment.NULL.reinterpret(0)
                    : channel.map(FileChannel.MapMode.READ_ONLY, 0, size, arena);
        } catch (NoSuchFileException e) {
            throw new DataException(source, DataException.NO_SAMPLE, "no such .npy file; check the path", e);
        } catch (IOException e) {
            throw new DataException(source, DataException.NO_SAMPLE, "cannot be read (" + e
                    + "); check that it is a readable file", e);
        }
        return decode(whole, source);
    }

    /**
     * Parses a whole {@code .npy} file held in memory (an archive entry); the result may share {@code bytes}.
     *
     * @param source names the file or entry in errors
     */
    public static NdArray parse(byte[] bytes, String source) {
        return decode(MemorySegment.ofArray(bytes), source);
    }

    private static NdArray decode(MemorySegment whole, String source) {
        NpyHeader header = NpyHeader.parse(whole, source);
        long expected = header.dataBytes();
        long found = whole.byteSize() - header.dataOffset();
        String what = "the header declares shape " + Arrays.toString(header.shape()) + " of "
                + header.dtype().id() + ", " + expected + " bytes of data, found " + found;
        if (found < expected) {
            throw new DataException(source, DataException.NO_SAMPLE, what + ": the file is truncated" + REMEDY);
        }
        if (found > expected) {
            throw new DataException(source, DataException.NO_SAMPLE, what + " (" + (found - expected)
                    + " bytes too many): the header does not match the data" + REMEDY);
        }
        return NpyElements.toArray(header, whole.asSlice(header.dataOffset(), expected));
    }

    /** Writes {@code array} to {@code file} (replacing it), creating missing parent folders. */
    public static void write(Path file, NdArray array) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), CHUNK)) {
                write(out, array);
            }
        } catch (IOException e) {
            throw new DataException(file.toString(), DataException.NO_SAMPLE, "cannot be written (" + e
                    + "); check the folder's permissions and free space", e);
        }
    }

    /** Writes {@code array} as a {@code .npy} byte stream; {@code out} stays open. */
    public static void write(OutputStream out, NdArray array) throws IOException {
        out.write(NpyHeader.encode(array.dtype(), array.shape()));
        MemorySegment data = array.data();
        byte[] chunk = new byte[(int) Math.min(CHUNK, Math.max(1, data.byteSize()))];
        for (long offset = 0; offset < data.byteSize(); offset += chunk.length) {
            int n = (int) Math.min(chunk.length, data.byteSize() - offset);
            MemorySegment.copy(data, ValueLayout.JAVA_BYTE, offset, chunk, 0, n);
            out.write(chunk, 0, n);
        }
    }
}
