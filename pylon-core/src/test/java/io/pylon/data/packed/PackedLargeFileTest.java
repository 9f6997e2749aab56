package io.pylon.data.packed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.pylon.data.Sample;
import io.pylon.data.array.DType;
import io.pylon.data.array.NdArray;

/**
 * A packed file beyond 4 GiB, made sparse (header, a few records, a hole elsewhere) so the test is fast and
 * takes no real disk space: records past byte 2^31 and 2^32 must read back exactly.
 */
class PackedLargeFileTest {

    private static final int INPUT = 56;

    @TempDir
    Path dir;

    @Test
    void recordsBeyondTwoAndFourGibibytesReadCorrectly() throws IOException {
        Sample shape = Sample.classified(0, NdArray.zeros(DType.UINT8, INPUT), 0);
        PackedHeader layout = PackedHeader.layoutOf(shape, List.of(), "sparse");
        assertThat(layout.recordBytes()).isEqualTo(64);
        long count = (1L << 32) / 64 + 1000;
        int reserved = layout.reservedBytes();
        PackedHeader header = layout.withTotals(count, 0);
        long past2g = (1L << 31) / 64 + 5;
        long past4g = (1L << 32) / 64 + 7;
        long last = count - 1;
        Path file = dir.resolve("big.pylonpack");
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.write(header.encode(reserved));
            raf.setLength(reserved + count * 64);
            for (long index : new long[] {past2g, past4g, last}) {
                raf.seek(reserved + index * 64);
                raf.write(record(index));
            }
        }
        assertThat(file.toFile().length()).isGreaterThan(1L << 32);
        // a sparse file with three records written: its checksum cannot match, so opt out of verifying
        try (PackedDataset packed = PackedDataset.open(file, false)) {
            assertThat(packed.size()).isEqualTo(count);
            for (long index : new long[] {past2g, past4g, last}) {
                assertThat(reserved + index * 64).isGreaterThan(index == past2g ? 1L << 31 : 1L << 32);
                Sample sample = packed.get(index);
                byte[] expected = record(index);
                for (int b = 0; b < INPUT; b++) {
                    assertThat((byte) sample.input().getLong(b)).isEqualTo(expected[b]);
                }
                assertThat(sample.target().getLong(0)).isEqualTo(index * 3 + 1);
            }
            // the hole reads as zeros
            assertThat(packed.get(past4g - 1).input().toFloats()).containsOnly(0f);
        }
    }

    /** Bytes derived from the index, then the int64 label {@code 3 * index + 1}. */
    private static byte[] record(long index) {
        ByteBuffer bytes = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
        for (int b = 0; b < INPUT; b++) {
            bytes.put((byte) (index * 31 + b * 7));
        }
        return bytes.putLong(index * 3 + 1).array();
    }
}
