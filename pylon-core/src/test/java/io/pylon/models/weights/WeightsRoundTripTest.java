package io.pylon.models.weights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bytedeco.pytorch.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.pylon.checkpoint.CheckpointFile;
import io.pylon.checkpoint.SafeTensors;
import io.pylon.engine.Tensors;
import io.pylon.models.Mlp;
import io.pylon.models.MlpParams;
import io.pylon.nn.ModuleTensors;

class WeightsRoundTripTest {

    @TempDir
    Path dir;

    @Test
    void savedWeightsReproduceOutputsInAFreshModel() throws Exception {
        Mlp original = WeightsTestSupport.mlp(1, List.of(5, 4), 6, 3);
        Tensor input = WeightsTestSupport.randomInput(7, 6);
        float[] before = Tensors.toFloats(original.forward(input));
        Path file = dir.resolve("w.safetensors");
        Weights.save(original, file, "mlp", new MlpParams(List.of(5, 4), 0.0));

        Mlp fresh = WeightsTestSupport.mlp(2, List.of(5, 4), 6, 3);
        assertThat(Tensors.toFloats(fresh.forward(input))).isNotEqualTo(before);
        LoadReport report = Weights.load(fresh, file, LoadOptions.strictLoad());

        assertThat(Tensors.toFloats(fresh.forward(input))).containsExactly(before);
        assertThat(report.complete()).isTrue();
        assertThat(report.loaded()).containsExactly("fc0.weight", "fc0.bias", "fc1.weight", "fc1.bias", "out.weight",
                "out.bias");
    }

    @Test
    void fileIsPlainSafetensorsWithDocumentedMetadata() throws Exception {
        Mlp model = WeightsTestSupport.fixtureMlp(3);
        Path file = dir.resolve("w.safetensors");
        Weights.save(model, file, "mlp", new MlpParams(List.of(3), 0.0));

        SafeTensors.Contents contents = SafeTensors.parse(Files.readAllBytes(file), file.toString());
        assertThat(contents.tensors().keySet()).containsExactly("fc0.weight", "fc0.bias", "out.weight", "out.bias");
        assertThat(contents.tensors().get("fc0.weight").shape()).containsExactly(3, 4);
        assertThat(contents.metadata()).containsEntry(Weights.FORMAT_KEY, Weights.FORMAT)
                .containsEntry(Weights.MODEL_KEY, "mlp");
        JsonNode params = WeightsTestSupport.JSON.readTree(contents.metadata().get(Weights.PARAMS_KEY));
        assertThat(params.path("hidden").get(0).asInt()).isEqualTo(3);
        assertThat(params.path("dropout").asDouble()).isEqualTo(0.0);
    }

    @Test
    void loadsTheModelPartOfAPylonCheckpoint() {
        Mlp trained = WeightsTestSupport.fixtureMlp(4);
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        ModuleTensors.stateDict(trained).forEach((name, t) -> tensors.put("model/" + name, t));
        tensors.put("optimizer/step", Tensors.fromLongs(new long[] {3}));
        Path checkpoint = dir.resolve("best.ckpt");
        CheckpointFile.write(checkpoint, tensors, "{}");
        Tensor input = WeightsTestSupport.randomInput(2, 4);

        Mlp fresh = WeightsTestSupport.fixtureMlp(5);
        LoadReport report = Weights.load(fresh, checkpoint, LoadOptions.strictLoad());

        assertThat(report.unexpected()).isEmpty();
        assertThat(Tensors.toFloats(fresh.forward(input))).containsExactly(Tensors.toFloats(trained.forward(input)));
    }

    @Test
    void importsTheStateDictWrittenByPyTorch(@TempDir Path tmp) {
        JsonNode expected = WeightsTestSupport.expected();
        Mlp model = WeightsTestSupport.fixtureMlp(6);
        Weights.load(model, WeightsTestSupport.resource("from_python.safetensors", tmp), LoadOptions.strictLoad());

        Map<String, Tensor> state = ModuleTensors.stateDict(model);
        expected.path("state").fields().forEachRemaining(e -> {
            float[] want = new float[e.getValue().size()];
            for (int i = 0; i < want.length; i++) {
                want[i] = (float) e.getValue().get(i).asDouble();
            }
            assertThat(Tensors.toFloats(state.get(e.getKey()))).as(e.getKey()).containsExactly(want);
        });
        float[] output = Tensors.toFloats(model.forward(WeightsTestSupport.matrix(expected.path("input"))));
        assertThat(output).containsExactly(WeightsTestSupport.flat(expected.path("output")), within(1e-6f));
    }
}
