package io.pylon.data.packed;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

import io.pylon.data.DataException;
import io.pylon.data.Dataset;
import io.pylon.data.Sample;
import io.pylon.data.array.DType;
import io.pylon.data.array.NdArray;

/**
 * A packed file, memory-mapped as one {@link MemorySegment} (so files beyond 2 GiB need no windowing).
 * {@link #get} returns arrays that are read-only views of the mapping: no bytes are copied to the heap,
 * and the operating system's page cache is the only cache. Thread-safe: the mapping belongs to a shared
 * arena and {@code get} keeps no state.
 *
 * <p>Opening checks the magic bytes, version and header, and that the file is exactly as long as its header
 * says (a truncated file is reported with the number of complete records). The payload checksum is computed
 * at open unless the caller opts out ({@code verify: false}): it reads the whole file once.
 *
 * <p>The arrays stay valid until {@link #close()}; reading one afterwards throws
 * {@link IllegalStateException}, so close the dataset only when no loader uses it any more.
 */
public final class PackedDataset implements Dataset {

    private final Path file;
    private final PackedHeader header;
    private final Arena arena;
    private final MemorySegment mapping;
    private final MemorySegment records;
    private final String fingerprint;
    private final long[] inputShape;
    private final long inputBytes;
    private final long[] targetShape;
    private final DType targetType;
    private final long targetOffset;
    private final long targetBytes;
    private final AtomicBoolean closed = new AtomicBoolean();

    private PackedDataset(Path file, PackedHeader header, long dataOffset, Arena arena, MemorySegment mapping,
            String fingerprint) {
        this.file = file;
        this.header = header;
        this.arena = arena;
        this.mapping = mapping;
        this.records = mapping.asSlice(dataOffset);
        this.fingerprint = fingerprint;
        this.inputShape = header.input().dims();
        this.inputBytes = header.input().bytes();
        this.targetShape = header.target().map(PackedHeader.Field::dims).orElse(null);
        this.targetType = header.target().map(PackedHeader.Field::dtype).orElse(null);
        this.targetOffset = header.target().map(PackedHeader.Field::offset).orElse(0L);
        this.targetBytes = header.target().map(PackedHeader.Field::bytes).orElse(0L);
    }

    /** Maps {@code file} and verifies its checksum (the default: a corrupt copy must not train silently). */
    public static PackedDataset open(Path file) {
        return open(file, true);
    }

    /**
     * Maps {@code file}.
     *
     * @param verify also recompute the payload checksum (reads the whole file once)
     * @throws DataException naming the file for a foreign, truncated, over-long or corrupt file
     */
    public static PackedDataset open(Path file, boolean verify) {
        PackedWriter.requireLittleEndian();
        String name = file.toString();
        if (!Files.isRegularFile(file)) {
            throw new DataException(name, DataException.NO_SAMPLE, "no such packed file; check the path, or create"
                    + " it with 'pylon data pack'");
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            ByteBuffer prefix = ByteBuffer.allocate(PackedHeader.PREFIX_BYTES);
            readFully(channel, prefix, 0);
            int jsonLength = PackedHeader.jsonLength(prefix.flip(), size, name);
            ByteBuffer json = ByteBuffer.allocate(jsonLength);
            readFully(channel, json, PackedHeader.PREFIX_BYTES);
            PackedHeader header = PackedHeader.parse(json.array(), name);
            long dataOffset = header.dataOffset(jsonLength);
            if (dataOffset % PackedHeader.ALIGNMENT != 0) {
                throw new DataException(name, DataException.NO_SAMPLE, "the records start at byte " + dataOffset
                        + ", not a multiple of " + PackedHeader.ALIGNMENT + ": the header is corrupt; re-create the"
                        + " file with 'pylon data pack'");
            }
            checkSize(name, header, dataOffset, size);
            String fingerprint = "packed:" + file.toAbsolutePath() + ":" + size + ":"
                    + Files.getLastModifiedTime(file).toMillis() + ":" + checksumText(header.checksum());
            Arena arena = Arena.ofShared();
            PackedDataset dataset;
            try {
                MemorySegment mapping = channel.map(FileChannel.MapMode.READ_ONLY, 0, size, arena);
                dataset = new PackedDataset(file, header, dataOffset, arena, mapping, fingerprint);
            } catch (IOException | RuntimeException e) {
                arena.close();
                throw e;
            }
            if (verify) {
                try {
                    dataset.verify();
                } catch (DataException e) {
                    dataset.close();
                    throw e;
                }
            }
            return dataset;
        } catch (IOException e) {
            throw DataException.file(name, "could not be read (" + e + "); check its permissions", e);
        }
    }

    private static void checkSize(String name, PackedHeader header, long dataOffset, long size) {
        long expected;
        try {
            expected = Math.addExact(dataOffset, Math.multiplyExact(header.count(), header.recordBytes()));
        } catch (ArithmeticException e) {
            throw new DataException(name, DataException.NO_SAMPLE, header.count() + " records of "
                    + header.recordBytes() + " bytes overflow a 64-bit size: the header is corrupt", e);
        }
        if (size < expected) {
            long complete = Math.max(0, (size - dataOffset) / header.recordBytes());
            throw new DataException(name, DataException.NO_SAMPLE, "the file is truncated: the header declares "
                    + header.count() + " records of " + header.recordBytes() + " bytes after a " + dataOffset
                    + "-byte header, " + expected + " bytes in all, but the file has " + size + " bytes (" + complete
                    + " complete records); re-create it with 'pylon data pack' or copy it again");
        }
        if (size > expected) {
            throw new DataException(name, DataException.NO_SAMPLE, "the file has " + size + " bytes, "
                    + (size - expected) + " more than the " + expected + " its header declares (" + header.count()
                    + " records): it was appended to or its header is corrupt; re-create it with 'pylon data pack'");
        }
    }

    private static void readFully(FileChannel channel, ByteBuffer into, long position) throws IOException {
        long at = position;
        while (into.hasRemaining()) {
            int n = channel.read(into, at);
            if (n < 0) {
                return;
            }
            at += n;
        }
    }

    /** The parsed header. */
    public PackedHeader header() {
        return header;
    }

    public Path file() {
        return file;
    }

    @Override
    public long size() {
        return header.count();
    }

    /** Sample {@code index}, its arrays read-only views of the mapped file. */
    @Override
    public Sample get(long index) {
        checkIndex(index);
        MemorySegment record = records.asSlice(index * header.recordBytes(), header.recordBytes());
        NdArray input = new NdArray(record.asSlice(0, inputBytes), header.input().dtype(), inputShape);
        NdArray target = targetShape == null ? null
                : new NdArray(record.asSlice(targetOffset, targetBytes), targetType, targetShape);
        return new Sample(index, input, target, header.denseTarget());
    }

    /** CRC32C of the record bytes as they are on disk now (reads the whole file). */
    public long computeChecksum() {
        return Checksums.crc32c(records);
    }

    /**
     * Recomputes the payload checksum and compares it with the header's.
     *
     * @throws DataException when they differ: some record bytes changed after the file was written
     */
    public void verify() {
        long actual = computeChecksum();
        if (actual != header.checksum()) {
            throw new DataException(file.toString(), DataException.NO_SAMPLE, "checksum mismatch: the header says "
                    + checksumText(header.checksum()) + " but the records hash to " + checksumText(actual)
                    + ": the file is corrupt (disk error or an interrupted copy); re-create it with 'pylon data"
                    + " pack' or copy it again");
        }
    }

    /** The whole mapped file (for tests that check samples are views of it). */
    MemorySegment mapping() {
        return mapping;
    }

    @Override
    public String fingerprint() {
        return fingerprint;
    }

    @Override
    public List<String> classNames() {
        return header.classNames();
    }

    /** Unmaps the file; arrays returned by {@link #get} become unreadable. Idempotent. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            arena.close();
        }
    }

    @Override
    public String toString() {
        return "PackedDataset[" + file + ", " + header.count() + " records]";
    }

    static String checksumText(long checksum) {
        return String.format(Locale.ROOT, "crc32c:%08x", checksum);
    }
}
