package io.pylon.data.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.pylon.data.DataException;
import io.pylon.data.array.DType;
import io.pylon.data.array.NdArray;

class NpzTest {

    @TempDir
    Path dir;

    @Test
    void numpyWrittenCompressedArchiveReadsEveryArray() throws IOException {
        Path fixture = Fixtures.copy("numpy_fixture.npz", dir);

        Map<String, NdArray> arrays = Npz.read(fixture);

        assertThat(arrays.keySet()).containsExactly("a", "b", "c", "s");
        NdArray a = arrays.get("a");
        assertThat(a.dtype()).isEqualTo(DType.INT32);
        assertThat(a.shape()).containsExactly(2, 3, 4);
        for (int i = 0; i < 24; i++) {
            assertThat(a.get(i)).isEqualTo(i);
        }
        // b is big-endian and Fortran-ordered in the file; b[i, j] = (4 i + j) / 2
        NdArray b = arrays.get("b");
        assertThat(b.dtype()).isEqualTo(DType.FLOAT32);
        assertThat(b.shape()).containsExactly(3, 4);
        for (int i = 0; i < 12; i++) {
            assertThat(b.get(i)).isEqualTo(i * 0.5);
        }
        assertThat(arrays.get("c").dtype()).isEqualTo(DType.BOOL);
        assertThat(arrays.get("c").toLongs()).containsExactly(1, 0, 1);
        assertThat(arrays.get("s").shape()).isEmpty();
        assertThat(arrays.get("s").get(0)).isEqualTo(7.5);
    }

    @Test
    void storedAndDeflatedArchivesRoundTrip() {
        Map<String, NdArray> arrays = new LinkedHashMap<>();
        arrays.put("x", NdArray.of(new float[] {1, 2, 3, 4, 5, 6}, 3, 2));
        arrays.put("labels", NdArray.of(new byte[] {0, 2, (byte) 255}, DType.UINT8, 3));
        Path stored = dir.resolve("stored.npz");
        Path deflated = dir.resolve("deflated.npz");

        Npz.write(stored, arrays);
        Npz.write(deflated, arrays, true);

        for (Path file : new Path[] {stored, deflated}) {
            assertThat(Npz.names(file)).containsExactly("x", "labels");
            assertThat(Npz.read(file, "x").contentEquals(arrays.get("x"))).isTrue();
            assertThat(Npz.read(file, "labels").toLongs()).containsExactly(0, 2, 255);
        }
    }

    @Test
    void missingArrayErrorListsTheArraysTheArchiveHolds() {
        Path file = dir.resolve("a.npz");
        Npz.write(file, Map.of("inputs", NdArray.of(new long[] {1}, 1)));

        assertThatThrownBy(() -> Npz.read(file, "targets")).isInstanceOf(DataException.class)
                .hasMessageStartingWith(file.toString()).hasMessageContaining("no array 'targets'")
                .hasMessageContaining("[inputs]");
    }

    @Test
    void corruptArchivesAndEntriesAreReportedNamingTheFile() throws IOException {
        Path notZip = Files.writeString(dir.resolve("junk.npz"), "this is not a zip file at all");
        Path file = dir.resolve("ok.npz");
        Npz.write(file, Map.of("x", NdArray.of(new float[] {1, 2}, 2)));
        byte[] bytes = Files.readAllBytes(file);
        Path truncated = Files.write(dir.resolve("cut.npz"), java.util.Arrays.copyOf(bytes, bytes.length / 2));

        assertThatThrownBy(() -> Npz.names(notZip)).isInstanceOf(DataException.class)
                .hasMessageStartingWith(notZip.toString()).hasMessageContaining("not a valid .npz");
        assertThatThrownBy(() -> Npz.read(truncated)).isInstanceOf(DataException.class)
                .hasMessageStartingWith(truncated.toString());
        assertThatThrownBy(() -> Npz.read(dir.resolve("none.npz"))).isInstanceOf(DataException.class)
                .hasMessageContaining("none.npz");
    }
}
