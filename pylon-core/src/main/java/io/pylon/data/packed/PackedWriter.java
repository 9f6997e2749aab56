package io.pylon.data.packed;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32C;

import io.pylon.data.DataException;
import io.pylon.data.Sample;
import io.pylon.data.array.NdArray;

/**
 * Streams samples into a packed file. Records go to a temporary file beside the target, and only
 * {@link #finish()} writes the header, syncs and renames it into place atomically: a failed or interrupted
 * pack leaves nothing under the final name (and an older file there untouched). Closing without
 * {@code finish()} deletes the temporary file.
 *
 * <p>The first sample fixes the layout; every later one must have the same input and target dtypes and
 * shapes, else {@link #write} throws a {@link DataException} naming the sample. Not thread-safe.
 */
public final class PackedWriter implements AutoCloseable {

    private static final int BUFFER_BYTES = 4 << 20;

    private final Path target;
    private final Path temp;
    private final FileChannel channel;
    private final List<String> classNames;
    private final String source;
    private final CRC32C crc = new CRC32C();
    private PackedHeader layout;
    private int reserved;
    private ByteBuffer buffer;
    private MemorySegment bufferSegment;
    private long count;
    private boolean finished;

    private PackedWriter(Path target, Path temp, FileChannel channel, List<String> classNames, String source) {
        this.target = target;
        this.temp = temp;
        this.channel = channel;
        this.classNames = List.copyOf(classNames);
        this.source = source;
    }

    /**
     * Starts a packed file at {@code out} (created, with its parent folders, by {@link #finish()}).
     *
     * @param classNames class names in label order to store in the header, possibly empty
     * @param source a description of the data (the source dataset's fingerprint), stored in the header
     */
    public static PackedWriter create(Path out, List<String> classNames, String source) {
        requireLittleEndian();
        Path absolute = out.toAbsolutePath();
        Path temp = null;
        try {
            Files.createDirectories(absolute.getParent());
            temp = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName() + ".", ".tmp");
            FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
            return new PackedWriter(absolute, temp, channel, classNames, source);
        } catch (IOException e) {
            deleteQuietly(temp, e);
            throw DataException.file(out.toString(), "cannot create a file there (" + e + "); check that the"
                    + " folder is writable and has space", e);
        }
    }

    /** Appends {@code sample} as the next record. */
    public void write(Sample sample) {
        if (finished) {
            throw new IllegalStateException("the packed file " + target + " is already finished");
        }
        if (layout == null) {
            start(sample);
        } else {
            check(sample);
        }
        int stride = (int) layout.recordBytes();
        if (buffer.remaining() < stride) {
            flush();
        }
        int at = buffer.position();
        MemorySegment record = bufferSegment.asSlice(at, stride);
        record.fill((byte) 0);
        MemorySegment.copy(sample.input().data(), 0, record, 0, sample.input().byteSize());
        if (sample.target() != null) {
            long offset = layout.target().orElseThrow().offset();
            MemorySegment.copy(sample.target().data(), 0, record, offset, sample.target().byteSize());
        }
        buffer.position(at + stride);
        count++;
    }

    /** Records written so far. */
    public long count() {
        return count;
    }

    /**
     * Writes the header with the final count and checksum, syncs the file and renames it to its final
     * name.
     *
     * @return the header written
     * @throws DataException when no sample was written (an empty packed file has no layout) or on I/O errors
     */
    public PackedHeader finish() {
        if (layout == null) {
            throw new DataException(target.toString(), DataException.NO_SAMPLE, "no samples to pack: the source"
                    + " dataset is empty; check its path and filters");
        }
        flush();
        PackedHeader header = layout.withTotals(count, crc.getValue());
        try {
            ByteBuffer bytes = ByteBuffer.wrap(header.encode(reserved));
            long at = 0;
            while (bytes.hasRemaining()) {
                at += channel.write(bytes, at);
            }
            channel.force(true);
            channel.close();
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw ioFailure(e);
        }
        finished = true;
        return header;
    }

    /** Abandons an unfinished file (deleting the temporary file); after {@link #finish()} does nothing. */
    @Override
    public void close() {
        if (finished) {
            return;
        }
        finished = true;
        try {
            channel.close();
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            throw DataException.file(temp.toString(), "could not remove this unfinished temporary file (" + e
                    + "); delete it by hand", e);
        }
    }

    private void start(Sample first) {
        layout = PackedHeader.layoutOf(first, classNames, source);
        reserved = layout.reservedBytes();
        int size = (int) Math.max(BUFFER_BYTES, layout.recordBytes());
        buffer = ByteBuffer.allocateDirect(size).order(ByteOrder.LITTLE_ENDIAN);
        bufferSegment = MemorySegment.ofBuffer(buffer);
        try {
            channel.position(reserved);
        } catch (IOException e) {
            throw ioFailure(e);
        }
    }

    private void check(Sample sample) {
        mismatch(sample, "input", layout.input(), sample.input());
        if (layout.target().isPresent() != (sample.target() != null)) {
            throw shapeError(sample, layout.target().isPresent() ? "has no target, but the first sample has one"
                    : "has a target, but the first sample has none");
        }
        if (sample.target() != null) {
            mismatch(sample, "target", layout.target().get(), sample.target());
        }
        if (sample.denseTarget() != layout.denseTarget()) {
            throw shapeError(sample, "has denseTarget=" + sample.denseTarget() + ", the first sample "
                    + layout.denseTarget());
        }
    }

    private void mismatch(Sample sample, String what, PackedHeader.Field field, NdArray array) {
        if (!field.matches(array)) {
            throw shapeError(sample, "its " + what + " is " + array.dtype().id() + " "
                    + Arrays.toString(array.shape()) + ", but the first sample's is " + field);
        }
    }

    private DataException shapeError(Sample sample, String problem) {
        return new DataException("packing " + target, sample.index(), problem + "; a packed file holds"
                + " samples of one dtype and shape, so resize or cast them first (e.g. with a resize transform)");
    }

    private void flush() {
        buffer.flip();
        crc.update(buffer.duplicate());
        try {
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        } catch (IOException e) {
            throw ioFailure(e);
        }
        buffer.clear();
    }

    private DataException ioFailure(IOException e) {
        DataException failure = DataException.file(target.toString(), "writing the packed file failed (" + e
                + "); check free disk space and permissions", e);
        try {
            close();
        } catch (DataException cleanup) {
            failure.addSuppressed(cleanup);
        }
        return failure;
    }

    static void requireLittleEndian() {
        if (ByteOrder.nativeOrder() != ByteOrder.LITTLE_ENDIAN) {
            throw new IllegalStateException("packed files are little-endian and mapped as they are, but this"
                    + " platform is big-endian; Pylon's natives are built for linux-x86_64 only");
        }
    }

    private static void deleteQuietly(Path temp, IOException cause) {
        if (temp == null) {
            return;
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            cause.addSuppressed(e);
        }
    }
}
