package io.pylon.data.packed;

import java.lang.foreign.MemorySegment;
import java.util.zip.CRC32C;

/** CRC32C (hardware-accelerated in the JDK) over memory segments of any size. */
final class Checksums {

    /** Bytes handed to the CRC at a time: a ByteBuffer view holds at most 2^31 - 1. */
    private static final long CHUNK = 64L << 20;

    private Checksums() {
    }

    /** Adds {@code bytes} to {@code crc}; works on segments larger than 2 GiB. */
    static void update(CRC32C crc, MemorySegment bytes) {
        for (long at = 0; at < bytes.byteSize(); at += CHUNK) {
            crc.update(bytes.asSlice(at, Math.min(CHUNK, bytes.byteSize() - at)).asByteBuffer());
        }
    }

    static long crc32c(MemorySegment bytes) {
        CRC32C crc = new CRC32C();
        update(crc, bytes);
        return crc.getValue();
    }
}
