package io.pylon.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.bytedeco.pytorch.Tensor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.pylon.PylonUserException;
import io.pylon.engine.Engine;
import io.pylon.engine.Tensors;

class CheckpointFileTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        Engine.start();
    }

    private static Map<String, Tensor> sample() {
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        tensors.put("model/w", Tensors.fromFloats(new float[] {1.5f, -2f, 3.25f, 0f, 7f, 8f}, 2, 3));
        tensors.put("optimizer/step", Tensors.fromLongs(new long[] {42}, 1));
        return tensors;
    }

    @Test
    void roundTripKeepsTensorsAndState() {
        Path file = dir.resolve("a.ckpt");
        CheckpointFile.write(file, sample(), "{\"step\":42}");

        CheckpointFile.Contents read = CheckpointFile.read(file);

        assertThat(read.stateJson()).isEqualTo("{\"step\":42}");
        assertThat(read.tensors()).containsOnlyKeys("model/w", "optimizer/step");
        assertThat(read.tensors().get("model/w").shape()).containsExactly(2, 3);
        assertThat(Tensors.toFloats(read.tensors().get("model/w").toTensor()))
                .containsExactly(1.5f, -2f, 3.25f, 0f, 7f, 8f);
        assertThat(Tensors.toLongs(read.tensors().get("optimizer/step").toTensor())).containsExactly(42L);
        assertThat(dir.resolve("a.ckpt.tmp")).doesNotExist();
    }

    @Test
    void flippedDataByteIsRefusedByChecksum() throws IOException {
        Path file = dir.resolve("b.ckpt");
        CheckpointFile.write(file, sample(), "{}");
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            long last = raf.length() - 1;
            raf.seek(last);
            int b = raf.read();
            raf.seek(last);
            raf.write(b ^ 0x01);
        }
        assertThatThrownBy(() -> CheckpointFile.read(file))
                .isInstanceOf(CorruptFileException.class)
                .hasMessageContaining("b.ckpt").hasMessageContaining("checksum mismatch");
    }

    @Test
    void truncatedFileIsRefused() throws IOException {
        Path file = dir.resolve("c.ckpt");
        CheckpointFile.write(file, sample(), "{}");
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 5));
        assertThatThrownBy(() -> CheckpointFile.read(file))
                .isInstanceOf(CorruptFileException.class).hasMessageContaining("truncated");
    }

    @Test
    void plainSafetensorsFileIsNotAPylonCheckpoint() throws IOException {
        Path file = dir.resolve("weights.safetensors");
        Files.write(file, SafeTensors.toBytes(Map.of("w", StoredTensor.of(Tensors.fromFloats(new float[] {1f}, 1))), Map.of()));
        assertThatThrownBy(() -> CheckpointFile.read(file))
                .isInstanceOf(CorruptFileException.class).hasMessageContaining("not a Pylon checkpoint");
    }

    @Test
    void missingFileSaysSo() {
        assertThatThrownBy(() -> CheckpointFile.read(dir.resolve("nope.ckpt")))
                .isInstanceOf(PylonUserException.class).hasMessageContaining("does not exist");
    }

    @Test
    void rewriteReplacesTheFileWhole() {
        Path file = dir.resolve("d.ckpt");
        CheckpointFile.write(file, sample(), "{\"v\":1}");
        CheckpointFile.write(file, Map.of("x", Tensors.fromFloats(new float[] {9f}, 1)), "{\"v\":2}");
        CheckpointFile.Contents read = CheckpointFile.read(file);
        assertThat(read.stateJson()).isEqualTo("{\"v\":2}");
        assertThat(read.tensors()).containsOnlyKeys("x");
    }
}
