package io.pylon.data.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.bytedeco.pytorch.Tensor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.pylon.PylonUserException;
import io.pylon.engine.Engine;
import io.pylon.engine.Tensors;

class IdxReaderTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        Engine.start();
    }

    private static byte[] sequence(int n) {
        byte[] data = new byte[n];
        for (int i = 0; i < n; i++) {
            data[i] = (byte) (i * 7 + 200);
        }
        return data;
    }

    @Test
    void rawAndGzipReadTheSameArray() {
        byte[] data = sequence(3 * 4 * 5);
        Path raw = IdxFiles.writeUbyte(dir.resolve("a-idx3-ubyte"), new int[] {3, 4, 5}, data, false);
        Path gz = IdxFiles.writeUbyte(dir.resolve("a-idx3-ubyte.gz"), new int[] {3, 4, 5}, data, true);

        IdxArray fromRaw = IdxReader.read(raw);
        IdxArray fromGzip = IdxReader.read(gz);

        assertThat(fromRaw.type()).isEqualTo(IdxType.UBYTE);
        assertThat(fromRaw.shape()).containsExactly(3, 4, 5);
        assertThat(fromRaw.data()).isEqualTo(data);
        assertThat(fromGzip).isEqualTo(fromRaw);
        Tensor t = fromGzip.toTensor();
        assertThat(Tensors.shape(t)).containsExactly(3, 4, 5);
        float[] values = Tensors.toFloats(t);
        for (int i = 0; i < data.length; i++) {
            assertThat(values[i]).isEqualTo(data[i] & 0xff);
        }
    }

    @Test
    void gzipIsDetectedByMagicBytesNotByName() {
        byte[] data = sequence(6);
        Path gzipWithoutSuffix = IdxFiles.writeUbyte(dir.resolve("plain-name"), new int[] {6}, data, true);
        Path rawWithGzSuffix = IdxFiles.writeUbyte(dir.resolve("looks.gz"), new int[] {6}, data, false);

        assertThat(IdxReader.read(gzipWithoutSuffix).data()).isEqualTo(data);
        assertThat(IdxReader.read(rawWithGzSuffix).data()).isEqualTo(data);
    }

    @Test
    void multiByteTypesAreConvertedFromBigEndian() {
        ByteBuffer ints = ByteBuffer.allocate(12).putInt(1).putInt(-2).putInt(70000);
        ByteBuffer floats = ByteBuffer.allocate(8).putFloat(1.5f).putFloat(-0.25f);
        Path intFile = IdxFiles.write(dir.resolve("ints"), IdxFiles.gzip(IdxFiles.encode(0x0C, new int[] {3},
                ints.array())));
        Path floatFile = IdxFiles.write(dir.resolve("floats"), IdxFiles.encode(0x0D, new int[] {2, 1},
                floats.array()));

        IdxArray intArray = IdxReader.read(intFile);
        IdxArray floatArray = IdxReader.read(floatFile);

        assertThat(intArray.type()).isEqualTo(IdxType.INT);
        assertThat(Tensors.toLongs(intArray.toTensor())).containsExactly(1, -2, 70000);
        assertThat(floatArray.type()).isEqualTo(IdxType.FLOAT);
        assertThat(Tensors.toFloats(floatArray.toTensor())).containsExactly(1.5f, -0.25f);
    }

    @Test
    void badMagicNamesTheFile() {
        byte[] bytes = IdxFiles.encode(0x08, new int[] {4}, sequence(4));
        bytes[0] = 0x50;
        Path file = IdxFiles.write(dir.resolve("bad-magic-ubyte"), bytes);

        assertThatThrownBy(() -> IdxReader.read(file)).isInstanceOf(PylonUserException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("bad magic number 50 00 08 01");
    }

    @Test
    void unknownElementTypeNamesTheFile() {
        Path file = IdxFiles.write(dir.resolve("odd-type"), IdxFiles.gzip(IdxFiles.encode(0x0A, new int[] {4},
                sequence(4))));

        assertThatThrownBy(() -> IdxReader.read(file)).isInstanceOf(PylonUserException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("unknown element type 0x0a")
                .hasMessageContaining("0x08 ubyte");
    }

    @Test
    void truncatedRawFileSaysWhatIsMissing() {
        byte[] full = IdxFiles.encode(0x08, new int[] {10, 2, 3}, sequence(60));
        Path file = IdxFiles.write(dir.resolve("cut-idx3-ubyte"), Arrays.copyOf(full, full.length - 20));

        assertThatThrownBy(() -> IdxReader.read(file, "re-install it")).isInstanceOf(PylonUserException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("expected 60 bytes of ubyte data for shape [10, 2, 3], found 40")
                .hasMessageContaining("truncated").hasMessageContaining("re-install it");
    }

    @Test
    void truncatedGzipFileNamesTheFile() {
        byte[] compressed = IdxFiles.gzip(IdxFiles.encode(0x08, new int[] {2000}, sequence(2000)));
        Path file = IdxFiles.write(dir.resolve("cut.gz"), Arrays.copyOf(compressed, compressed.length / 2));

        assertThatThrownBy(() -> IdxReader.read(file)).isInstanceOf(PylonUserException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("truncated");
    }

    @Test
    void dataShorterThanTheHeaderInsideACompleteGzipIsTruncation() {
        byte[] full = IdxFiles.encode(0x08, new int[] {100}, sequence(100));
        Path file = IdxFiles.write(dir.resolve("short.gz"), IdxFiles.gzip(Arrays.copyOf(full, 58)));

        assertThatThrownBy(() -> IdxReader.read(file)).isInstanceOf(PylonUserException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("expected 100 bytes of ubyte data for shape [100], found 50")
                .hasMessageContaining("truncated");
    }

    @Test
    void extraDataIsAMismatch() {
        byte[] longer = IdxFiles.encode(0x08, new int[] {4}, sequence(9));
        Path raw = IdxFiles.write(dir.resolve("long-raw"), longer);
        Path gz = IdxFiles.write(dir.resolve("long-gz"), IdxFiles.gzip(longer));

        assertThatThrownBy(() -> IdxReader.read(raw)).isInstanceOf(PylonUserException.class)
                .hasMessageContaining(raw.toString()).hasMessageContaining("5 bytes too many");
        assertThatThrownBy(() -> IdxReader.read(gz)).isInstanceOf(PylonUserException.class)
                .hasMessageContaining(gz.toString()).hasMessageContaining("holds more");
    }

    @Test
    void truncatedHeaderAndEmptyFileNameTheFile() throws Exception {
        byte[] header = IdxFiles.encode(0x08, new int[] {4, 4, 4}, new byte[0]);
        Path cutHeader = IdxFiles.write(dir.resolve("cut-header"), Arrays.copyOf(header, 9));
        Path empty = Files.createFile(dir.resolve("empty"));

        assertThatThrownBy(() -> IdxReader.read(cutHeader)).isInstanceOf(PylonUserException.class)
                .hasMessageContaining(cutHeader.toString()).hasMessageContaining("declares 3 dimensions");
        assertThatThrownBy(() -> IdxReader.read(empty)).isInstanceOf(PylonUserException.class)
                .hasMessageContaining(empty.toString()).hasMessageContaining("too short");
    }

    @Test
    void absurdHeaderIsRejectedBeforeAllocating() {
        Path file = IdxFiles.write(dir.resolve("huge.gz"), IdxFiles.gzip(IdxFiles.encode(0x08,
                new int[] {65536, 65536}, new byte[16])));

        assertThatThrownBy(() -> IdxReader.read(file)).isInstanceOf(PylonUserException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("header is corrupt");
    }

    @Test
    void missingFileNamesTheFile() {
        Path file = dir.resolve("nowhere");
        assertThatThrownBy(() -> IdxReader.read(file)).isInstanceOf(PylonUserException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("no such IDX file");
    }
}
