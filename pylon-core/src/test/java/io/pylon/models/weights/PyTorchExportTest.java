package io.pylon.models.weights;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.bytedeco.pytorch.Tensor;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.pylon.engine.Tensors;
import io.pylon.models.Mlp;
import io.pylon.models.MlpParams;
import io.pylon.nn.ModuleTensors;

/**
 * Writes {@code target/weights-export/pylon.safetensors} and {@code pylon.json} (the tensors, an input and the
 * outputs Pylon computed) for {@code bench/weights/check_safetensors.py check}, which loads the file into a
 * PyTorch module and compares.
 */
class PyTorchExportTest {

    @Test
    void writesAFileAndTheValuesPyTorchMustReproduce() throws Exception {
        Path out = Files.createDirectories(Path.of("target", "weights-export"));
        Mlp model = WeightsTestSupport.fixtureMlp(42);
        Path file = out.resolve("pylon.safetensors");
        Weights.save(model, file, "mlp", new MlpParams(List.of(3), 0.0));
        Tensor input = WeightsTestSupport.randomInput(5, 4);

        ObjectNode json = WeightsTestSupport.JSON.createObjectNode();
        json.putArray("hidden").add(3);
        json.putArray("input_shape").add(4);
        json.put("classes", 2);
        ObjectNode state = json.putObject("state");
        ModuleTensors.stateDict(model).forEach((name, t) -> {
            ArrayNode values = state.putArray(name);
            for (float v : Tensors.toFloats(t)) {
                values.add(v);
            }
        });
        json.set("input", rows(input));
        json.set("output", rows(model.forward(input)));
        WeightsTestSupport.JSON.writerWithDefaultPrettyPrinter().writeValue(out.resolve("pylon.json").toFile(), json);

        assertThat(Weights.read(file).keySet()).containsExactly("fc0.weight", "fc0.bias", "out.weight", "out.bias");
    }

    private static ArrayNode rows(Tensor matrix) {
        long[] shape = Tensors.shape(matrix);
        float[] values = Tensors.toFloats(matrix);
        ArrayNode rows = WeightsTestSupport.JSON.createArrayNode();
        for (int i = 0; i < shape[0]; i++) {
            ArrayNode row = rows.addArray();
            for (int j = 0; j < shape[1]; j++) {
                row.add(values[(int) (i * shape[1] + j)]);
            }
        }
        return rows;
    }
}
