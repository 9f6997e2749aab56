package io.pylon.data.format;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Writes IDX files for tests, so that no test depends on a downloaded dataset. */
public final class IdxFiles {

    private IdxFiles() {
    }

    /** The IDX encoding: magic {@code 00 00 type ndims}, big-endian sizes, then {@code data} as given. */
    public static byte[] encode(int type, int[] dims, byte[] data) {
        ByteBuffer buffer = ByteBuffer.allocate(4 + 4 * dims.length + data.length);
        buffer.put((byte) 0).put((byte) 0).put((byte) type).put((byte) dims.length);
        for (int d : dims) {
            buffer.putInt(d);
        }
        buffer.put(data);
        return buffer.array();
    }

    public static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static Path write(Path file, byte[] bytes) {
        try {
            return Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A ubyte IDX file, gzipped when {@code compressed}. */
    public static Path writeUbyte(Path file, int[] dims, byte[] data, boolean compressed) {
        byte[] raw = encode(0x08, dims, data);
        return write(file, compressed ? gzip(raw) : raw);
    }
}
