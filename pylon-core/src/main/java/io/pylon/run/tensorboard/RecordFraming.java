package io.pylon.run.tensorboard;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.CRC32C;

/**
 * TFRecord framing: {@code uint64 length, uint32 masked_crc32c(length), data, uint32 masked_crc32c(data)},
 * little-endian. The mask ({@code rotate right 15 + 0xa282ead8}) keeps a CRC of data holding CRCs useful.
 */
final class RecordFraming {

    private static final int MASK_DELTA = 0xa282ead8;

    private RecordFraming() {
    }

    static byte[] frame(byte[] data) {
        ByteBuffer record = ByteBuffer.allocate(8 + 4 + data.length + 4).order(ByteOrder.LITTLE_ENDIAN);
        record.putLong(data.length);
        record.putInt(maskedCrc(record.array(), 0, 8));
        record.put(data);
        record.putInt(maskedCrc(data, 0, data.length));
        return record.array();
    }

    static int maskedCrc(byte[] bytes, int offset, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, offset, length);
        int value = (int) crc.getValue();
        return ((value >>> 15) | (value << 17)) + MASK_DELTA;
    }
}
