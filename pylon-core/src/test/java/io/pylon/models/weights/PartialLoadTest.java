package io.pylon.models.weights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bytedeco.pytorch.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.pylon.PylonUserException;
import io.pylon.checkpoint.CheckpointFile;
import io.pylon.checkpoint.CorruptFileException;
import io.pylon.engine.Tensors;
import io.pylon.models.Mlp;
import io.pylon.nn.ModuleTensors;

class PartialLoadTest {

    @TempDir
    Path dir;

    /** The fixture MLP's state without {@code out.bias}, plus a tensor the model does not have. */
    private Map<String, Tensor> sourceWithGaps() {
        Map<String, Tensor> source = new LinkedHashMap<>(ModuleTensors.stateDict(WeightsTestSupport.fixtureMlp(10)));
        source.remove("out.bias");
        source.put("head.weight", Tensors.fromFloats(new float[] {1, 2}, 2));
        return source;
    }

    @Test
    void partialLoadReportsMissingAndUnexpectedAndLoadsTheRest() {
        Map<String, Tensor> source = sourceWithGaps();
        Mlp model = WeightsTestSupport.fixtureMlp(11);
        float[] biasBefore = Tensors.toFloats(ModuleTensors.parameters(model).get("out.bias"));

        LoadReport report = Weights.loadTensors(model, source, "src.safetensors", LoadOptions.partial());

        assertThat(report.loaded()).containsExactly("fc0.weight", "fc0.bias", "out.weight");
        assertThat(report.missing()).containsExactly("out.bias");
        assertThat(report.unexpected()).containsExactly("head.weight");
        assertThat(report.summary()).contains("missing from the file", "out.bias", "not in the model", "head.weight");
        Map<String, Tensor> state = ModuleTensors.parameters(model);
        assertThat(Tensors.toFloats(state.get("fc0.weight"))).containsExactly(Tensors.toFloats(source.get("fc0.weight")));
        assertThat(Tensors.toFloats(state.get("out.bias"))).containsExactly(biasBefore);
    }

    @Test
    void strictLoadRefusesGapsAndChangesNothing() {
        Mlp model = WeightsTestSupport.fixtureMlp(12);
        float[] before = Tensors.toFloats(ModuleTensors.parameters(model).get("fc0.weight"));

        assertThatThrownBy(() -> Weights.loadTensors(model, sourceWithGaps(), "src.safetensors", LoadOptions.strictLoad()))
                .isInstanceOf(PylonUserException.class)
                .hasMessageContaining("src.safetensors").hasMessageContaining("missing [out.bias]")
                .hasMessageContaining("unexpected [head.weight]");
        assertThat(Tensors.toFloats(ModuleTensors.parameters(model).get("fc0.weight"))).containsExactly(before);
    }

    @Test
    void shapeMismatchNamesTheParameterAndBothShapes() {
        Path file = dir.resolve("wide.safetensors");
        Weights.save(WeightsTestSupport.mlp(1, List.of(5), 4, 2), file);
        Mlp model = WeightsTestSupport.fixtureMlp(13);

        assertThatThrownBy(() -> Weights.load(model, file, LoadOptions.partial()))
                .isInstanceOf(PylonUserException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("fc0.weight: model has [3, 4], file has [5, 4]")
                .hasMessageContaining("out.weight: model has [2, 3], file has [2, 5]");
    }

    @Test
    void truncatedFileIsRefusedNamingTheFile() throws Exception {
        Path file = dir.resolve("cut.safetensors");
        Weights.save(WeightsTestSupport.fixtureMlp(14), file);
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length - 5));

        assertThatThrownBy(() -> Weights.load(WeightsTestSupport.fixtureMlp(15), file, LoadOptions.partial()))
                .isInstanceOf(CorruptFileException.class).hasMessageContaining(file.toString())
                .hasMessageContaining("truncated");
    }

    @Test
    void garbageAndAbsentFilesAreRefusedNamingTheFile() throws Exception {
        Path garbage = dir.resolve("notes.safetensors");
        Files.writeString(garbage, "this is not a weights file at all");
        Path absent = dir.resolve("absent.safetensors");

        assertThatThrownBy(() -> Weights.read(garbage)).isInstanceOf(CorruptFileException.class)
                .hasMessageContaining(garbage.toString());
        assertThatThrownBy(() -> Weights.read(absent)).isInstanceOf(PylonUserException.class)
                .hasMessageContaining(absent.toString()).hasMessageContaining("does not exist");
    }

    @Test
    void tamperedCheckpointIsRefusedNamingTheFile() throws Exception {
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        ModuleTensors.stateDict(WeightsTestSupport.fixtureMlp(16)).forEach((name, t) -> tensors.put("model/" + name, t));
        Path checkpoint = dir.resolve("last.ckpt");
        CheckpointFile.write(checkpoint, tensors, "{}");
        byte[] bytes = Files.readAllBytes(checkpoint);
        bytes[bytes.length - 1] ^= 0x40;
        Files.write(checkpoint, bytes);

        assertThatThrownBy(() -> Weights.load(WeightsTestSupport.fixtureMlp(17), checkpoint, LoadOptions.partial()))
                .isInstanceOf(CorruptFileException.class).hasMessageContaining(checkpoint.toString())
                .hasMessageContaining("checksum mismatch");
    }
}
