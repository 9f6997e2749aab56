package io.pylon.data.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.pylon.data.DataException;
import io.pylon.data.array.DType;
import io.pylon.data.array.NdArray;

class NpyTest {

    @TempDir
    Path dir;

    /** A {@code .npy} file with header dict {@code dict} (padded as numpy does) and {@code data}. */
    static byte[] npyBytes(int major, String dict, byte[] data) {
        int prefix = major == 1 ? 10 : 12;
        int length = dict.length() + 1;
        length += (64 - (prefix + length) % 64) % 64;
        ByteBuffer out = ByteBuffer.allocate(prefix + length + data.length).order(ByteOrder.LITTLE_ENDIAN);
        out.put(NpyHeader.MAGIC).put((byte) major).put((byte) 0);
        if (major == 1) {
            out.putShort((short) length);
        } else {
            out.putInt(length);
        }
        byte[] text = (dict + " ".repeat(length - dict.length() - 1) + "\n").getBytes(StandardCharsets.UTF_8);
        return out.put(text).put(data).array();
    }

    private Path file(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    /** Values that exercise sign, extremes and (for floats) fractions in every dtype. */
    private static NdArray sample(DType type) {
        double[] values = {0, 1, -1, 127, -128, 255, 3.25, -70000.5, 1e10, -2, 42, 7};
        NdArray array = NdArray.zeros(type, 3, 4);
        ByteBuffer buffer = ByteBuffer.allocate((int) array.byteSize()).order(ByteOrder.nativeOrder());
        for (double v : values) {
            switch (type) {
                case BOOL -> buffer.put((byte) (v > 0 ? 1 : 0));
                case UINT8, INT8 -> buffer.put((byte) v);
                case UINT16, INT16 -> buffer.putShort((short) v);
                case INT32 -> buffer.putInt((int) v);
                case INT64 -> buffer.putLong((long) v * 1_000_000_007L);
                case FLOAT32 -> buffer.putFloat((float) v);
                case FLOAT64 -> buffer.putDouble(v);
            }
        }
        return new NdArray(MemorySegment.ofArray(buffer.array()), type, new long[] {3, 4});
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void everyDtypeRoundTripsThroughReadAndMap(DType type) {
        NdArray original = sample(type);
        Path path = dir.resolve(type.id() + ".npy");
        Npy.write(path, original);

        assertThat(Npy.read(path).contentEquals(original)).isTrue();
        try (Arena arena = Arena.ofConfined()) {
            NdArray mapped = Npy.map(path, arena);
            assertThat(mapped.contentEquals(original)).isTrue();
            assertThat(mapped.data().isMapped()).as("little-endian C-order data is a view of the file").isTrue();
        }
    }

    @Test
    void writtenHeaderIsByteForByteWhatNumpyWrites() {
        // from numpy 1.24: np.save(f, np.zeros((3, 4), '<f4')) and np.save(f, np.array(1.0))
        String expected = "\u0093NUMPY\u0001\u0000v\u0000{'descr': '<f4', 'fortran_order': False, 'shape': (3, 4), }"
                + " ".repeat(58) + "\n";
        String scalar = "\u0093NUMPY\u0001\u0000v\u0000{'descr': '<f8', 'fortran_order': False, 'shape': (), }"
                + " ".repeat(62) + "\n";
        String vector = "{'descr': '|u1', 'fortran_order': False, 'shape': (5,), }";

        assertThat(new String(NpyHeader.encode(DType.FLOAT32, new long[] {3, 4}), StandardCharsets.ISO_8859_1))
                .isEqualTo(expected);
        assertThat(new String(NpyHeader.encode(DType.FLOAT64, new long[0]), StandardCharsets.ISO_8859_1))
                .isEqualTo(scalar);
        assertThat(new String(NpyHeader.encode(DType.UINT8, new long[] {5}), StandardCharsets.ISO_8859_1))
                .contains(vector).hasSize(128);
    }

    @Test
    void handWrittenVersion1HeaderIsParsedPerTheSpec() throws IOException {
        // magic, version 1.0, header length 0x0076 little-endian, dict, padding, newline: 128 bytes of header
        byte[] data = ByteBuffer.allocate(6).order(ByteOrder.LITTLE_ENDIAN).putShort((short) -5).putShort((short) 0)
                .putShort((short) 300).array();
        byte[] bytes = npyBytes(1, "{'descr': '<i2', 'fortran_order': False, 'shape': (3,), }", data);
        assertThat(bytes[8]).isEqualTo((byte) 0x76);
        assertThat(bytes[9]).isEqualTo((byte) 0);

        NdArray array = Npy.read(file("v1.npy", bytes));

        assertThat(array.dtype()).isEqualTo(DType.INT16);
        assertThat(array.shape()).containsExactly(3);
        assertThat(array.toLongs()).containsExactly(-5, 0, 300);
    }

    @Test
    void versions2And3HeadersUseFourLengthBytes() throws IOException {
        byte[] data = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putFloat(1.5f).putFloat(-2f).array();
        String dict = "{'shape': (2, 1), 'fortran_order': False, 'descr': '<f4'}";
        NdArray v2 = Npy.read(file("v2.npy", npyBytes(2, dict, data)));
        NdArray v3 = Npy.read(file("v3.npy", npyBytes(3, dict, data)));

        assertThat(v2.shape()).containsExactly(2, 1);
        assertThat(v2.toFloats()).containsExactly(1.5f, -2f);
        assertThat(v3.contentEquals(v2)).isTrue();
    }

    @Test
    void headersTooLongForVersion1AreWrittenAsVersion2() {
        long[] shape = new long[25_000];
        Arrays.fill(shape, 1);
        shape[0] = 2;
        NdArray array = NdArray.of(new float[] {3f, 4f}, shape);
        Path path = dir.resolve("long.npy");

        Npy.write(path, array);
        NdArray back = Npy.read(path);

        byte[] header = NpyHeader.encode(DType.FLOAT32, shape);
        assertThat(header[6]).isEqualTo((byte) 2);
        assertThat(header.length % 64).isZero();
        assertThat(back.shape()).isEqualTo(shape);
        assertThat(back.toFloats()).containsExactly(3f, 4f);
    }

    @Test
    void scalarAndOneDimensionalShapesRoundTrip() {
        Npy.write(dir.resolve("s.npy"), NdArray.of(new double[] {2.5}));
        Npy.write(dir.resolve("v.npy"), NdArray.of(new long[] {9, 8, 7}, 3));

        NdArray scalar = Npy.read(dir.resolve("s.npy"));
        NdArray vector = Npy.read(dir.resolve("v.npy"));

        assertThat(scalar.shape()).isEmpty();
        assertThat(scalar.get(0)).isEqualTo(2.5);
        assertThat(vector.shape()).containsExactly(3);
        assertThat(vector.toLongs()).containsExactly(9, 8, 7);
    }

    @Test
    void bigEndianDataIsConvertedToNativeOrder() throws IOException {
        byte[] floats = ByteBuffer.allocate(12).order(ByteOrder.BIG_ENDIAN).putFloat(1.25f).putFloat(-3f)
                .putFloat(1e-3f).array();
        byte[] longs = ByteBuffer.allocate(16).order(ByteOrder.BIG_ENDIAN).putLong(0x0102030405060708L)
                .putLong(-2).array();
        byte[] shorts = ByteBuffer.allocate(4).order(ByteOrder.BIG_ENDIAN).putShort((short) 65000)
                .putShort((short) 1).array();

        NdArray f = Npy.read(file("f.npy", npyBytes(1, "{'descr': '>f4', 'fortran_order': False, 'shape': (3,), }",
                floats)));
        NdArray l = Npy.read(file("l.npy", npyBytes(1, "{'descr': '>i8', 'fortran_order': False, 'shape': (2,), }",
                longs)));
        NdArray u;
        try (Arena arena = Arena.ofConfined()) {
            u = Npy.map(file("u.npy", npyBytes(1, "{'descr': '>u2', 'fortran_order': False, 'shape': (2,), }",
                    shorts)), arena);
            assertThat(u.data().isMapped()).as("converted data is a heap copy").isFalse();
        }

        assertThat(f.toFloats()).containsExactly(1.25f, -3f, 1e-3f);
        assertThat(l.toLongs()).containsExactly(0x0102030405060708L, -2L);
        assertThat(u.get(0)).isEqualTo(65000);
        assertThat(u.get(1)).isEqualTo(1);
    }

    @Test
    void fortranOrderIsTransposedIntoCOrder() throws IOException {
        // the 2x3 matrix [[0, 1, 2], [10, 11, 12]] stored column by column: 0, 10, 1, 11, 2, 12
        ByteBuffer column = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        for (int v : new int[] {0, 10, 1, 11, 2, 12}) {
            column.putInt(v);
        }
        // a 2x3x2 array a[i, j, k] = 100 i + 10 j + k, stored with i fastest
        ByteBuffer cube = ByteBuffer.allocate(12 * 8).order(ByteOrder.BIG_ENDIAN);
        for (int k = 0; k < 2; k++) {
            for (int j = 0; j < 3; j++) {
                for (int i = 0; i < 2; i++) {
                    cube.putDouble(100 * i + 10 * j + k);
                }
            }
        }

        NdArray matrix = Npy.read(file("m.npy", npyBytes(1, "{'descr': '<i4', 'fortran_order': True, 'shape': (2, 3), }",
                column.array())));
        NdArray a = Npy.read(file("c.npy", npyBytes(1, "{'descr': '>f8', 'fortran_order': True, 'shape': (2, 3, 2), }",
                cube.array())));

        assertThat(matrix.shape()).containsExactly(2, 3);
        assertThat(matrix.toLongs()).containsExactly(0, 1, 2, 10, 11, 12);
        assertThat(a.shape()).containsExactly(2, 3, 2);
        for (int flat = 0; flat < 12; flat++) {
            int i = flat / 6;
            int j = flat / 2 % 3;
            int k = flat % 2;
            assertThat(a.get(flat)).isEqualTo(100 * i + 10 * j + k);
        }
    }

    @Test
    void numpyWrittenVersion3BigEndianFixtureReads() throws IOException {
        // np.lib.format.write_array(f, np.arange(-3, 3, dtype='>i2').reshape(2, 3), version=(3, 0))
        Path fixture = Fixtures.copy("numpy_v3_big_endian.npy", dir);

        NdArray array = Npy.read(fixture);

        assertThat(array.dtype()).isEqualTo(DType.INT16);
        assertThat(array.shape()).containsExactly(2, 3);
        assertThat(array.toLongs()).containsExactly(-3, -2, -1, 0, 1, 2);
    }

    @Test
    void badMagicIsRejectedNamingTheFile() throws IOException {
        byte[] bytes = npyBytes(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (1,), }", new byte[4]);
        bytes[1] = 'X';
        Path path = file("bad.npy", bytes);

        assertThatThrownBy(() -> Npy.read(path)).isInstanceOf(DataException.class)
                .hasMessageStartingWith(path.toString()).hasMessageContaining("bad magic number");
    }

    @Test
    void truncatedDataIsRejectedWithTheByteCounts() throws IOException {
        byte[] full = npyBytes(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (2, 2), }", new byte[32]);
        Path path = file("short.npy", Arrays.copyOf(full, full.length - 5));
        Path headerOnly = file("header.npy", Arrays.copyOf(full, 30));
        Path empty = file("empty.npy", new byte[0]);

        assertThatThrownBy(() -> Npy.read(path)).isInstanceOf(DataException.class)
                .hasMessageStartingWith(path.toString())
                .hasMessageContaining("32 bytes of data, found 27").hasMessageContaining("truncated");
        assertThatThrownBy(() -> Npy.read(headerOnly)).hasMessageStartingWith(headerOnly.toString())
                .hasMessageContaining("truncated");
        assertThatThrownBy(() -> Npy.read(empty)).hasMessageStartingWith(empty.toString())
                .hasMessageContaining("truncated or empty");
    }

    @Test
    void extraBytesAfterTheDataAreRejected() throws IOException {
        byte[] full = npyBytes(1, "{'descr': '|u1', 'fortran_order': False, 'shape': (4,), }", new byte[6]);
        Path path = file("long.npy", full);

        assertThatThrownBy(() -> Npy.read(path)).hasMessageStartingWith(path.toString())
                .hasMessageContaining("2 bytes too many");
    }

    @Test
    void unsupportedDtypesAreRejectedNamingTheFile() throws IOException {
        Path complex = file("c.npy", npyBytes(1, "{'descr': '<c8', 'fortran_order': False, 'shape': (1,), }",
                new byte[8]));
        Path unsigned32 = file("u4.npy", npyBytes(1, "{'descr': '<u4', 'fortran_order': False, 'shape': (1,), }",
                new byte[4]));
        Path structured = file("s.npy", npyBytes(1, "{'descr': [('a', '<i4')], 'fortran_order': False,"
                + " 'shape': (1,), }", new byte[4]));

        assertThatThrownBy(() -> Npy.read(complex)).isInstanceOf(DataException.class)
                .hasMessageStartingWith(complex.toString()).hasMessageContaining("unsupported dtype '<c8'");
        assertThatThrownBy(() -> Npy.read(unsigned32)).hasMessageContaining("unsupported dtype '<u4'");
        assertThatThrownBy(() -> Npy.read(structured)).hasMessageStartingWith(structured.toString())
                .hasMessageContaining("structured arrays are not supported");
    }

    @Test
    void malformedHeadersAndMissingFilesAreReported() throws IOException {
        Path noShape = file("n.npy", npyBytes(1, "{'descr': '<f4', 'fortran_order': False}", new byte[0]));
        Path garbage = file("g.npy", npyBytes(1, "{'descr': '<f4', 'shape': (1,", new byte[4]));
        Path missing = dir.resolve("missing.npy");

        assertThatThrownBy(() -> Npy.read(noShape)).hasMessageContaining("no 'shape' entry");
        assertThatThrownBy(() -> Npy.read(garbage)).hasMessageStartingWith(garbage.toString())
                .hasMessageContaining("malformed header");
        assertThatThrownBy(() -> Npy.read(missing)).isInstanceOf(DataException.class)
                .hasMessageStartingWith(missing.toString()).hasMessageContaining("no such .npy file");
    }

    @Test
    void writingToAStreamGivesTheSameBytesAsAFile() throws IOException {
        NdArray array = NdArray.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Npy.write(out, array);
        Npy.write(dir.resolve("a.npy"), array);

        assertThat(out.toByteArray()).isEqualTo(Files.readAllBytes(dir.resolve("a.npy")));
        assertThat(Npy.parse(out.toByteArray(), "memory").toFloats()).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(Npy.parse(out.toByteArray(), "memory").get(4)).isCloseTo(5, within(0.0));
    }
}
