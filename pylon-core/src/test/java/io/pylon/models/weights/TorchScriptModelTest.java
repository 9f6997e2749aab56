package io.pylon.models.weights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.bytedeco.pytorch.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.pylon.PylonUserException;
import io.pylon.criteria.CrossEntropy;
import io.pylon.engine.Tensors;
import io.pylon.models.Mlp;
import io.pylon.nn.ModuleTensors;
import io.pylon.optim.OptimConfig;
import io.pylon.optim.Optimizer;
import io.pylon.optim.Optimizers;

class TorchScriptModelTest {

    @TempDir
    Path dir;

    private final JsonNode expected = WeightsTestSupport.expected();

    private float[] outputs(TorchScriptModel model) {
        return Tensors.toFloats(model.forward(WeightsTestSupport.matrix(expected.path("input"))));
    }

    @Test
    void forwardMatchesTheOutputsPyTorchRecorded() {
        TorchScriptModel model = TorchScriptModel.load(WeightsTestSupport.resource("mlp_script.pt", dir));
        model.module().train(false);

        assertThat(outputs(model)).containsExactly(WeightsTestSupport.flat(expected.path("output")), within(1e-6f));
        assertThat(ModuleTensors.parameters(model.module()).keySet())
                .containsExactly("fc0.weight", "fc0.bias", "out.weight", "out.bias");
        assertThat(model.script().is_training()).as("eval mode reaches the script module").isFalse();
    }

    @Test
    void mirrorSharesTensorsSoWeightsFlowBothWays() {
        TorchScriptModel script = TorchScriptModel.load(WeightsTestSupport.resource("mlp_script.pt", dir));
        Path file = dir.resolve("script.safetensors");
        Weights.save(script, file);
        Mlp mlp = WeightsTestSupport.fixtureMlp(30);
        Weights.load(mlp, file, LoadOptions.strictLoad());
        Tensor input = WeightsTestSupport.matrix(expected.path("input"));
        assertThat(Tensors.toFloats(mlp.forward(input))).containsExactly(outputs(script), within(1e-6f));

        // loading through the mirror changes what the script module computes
        Mlp other = WeightsTestSupport.fixtureMlp(31);
        Weights.load(script, save(other), LoadOptions.strictLoad());
        assertThat(outputs(script)).containsExactly(Tensors.toFloats(other.forward(input)), within(1e-6f));
    }

    @Test
    void fineTunesThroughThePylonOptimizerWithAFrozenLayer() {
        TorchScriptModel model = TorchScriptModel.load(WeightsTestSupport.resource("mlp_script.pt", dir));
        Freezing.apply(model.module(), List.of("fc0.*"), List.of());
        Optimizer optimizer = Optimizers.create(OptimConfig.of("sgd", 0.1).withSgd(0.0, 0.0, false), model);
        Map<String, Tensor> params = ModuleTensors.parameters(model.module());
        float[] fc0Before = Tensors.toFloats(params.get("fc0.weight"));
        float[] outBefore = Tensors.toFloats(params.get("out.weight"));
        Tensor input = WeightsTestSupport.matrix(expected.path("input"));
        Tensor labels = Tensors.fromLongs(new long[] {1, 1, 1}, 3);
        CrossEntropy loss = new CrossEntropy(0.0);

        double first = 0;
        double last = 0;
        model.module().train(true);
        for (int i = 0; i < 20; i++) {
            optimizer.zeroGrad();
            Tensor value = loss.apply(model.forward(input), labels);
            value.backward();
            optimizer.step();
            last = value.item_double();
            first = i == 0 ? last : first;
        }

        assertThat(last).isLessThan(first);
        assertThat(model.script().is_training()).isTrue();
        assertThat(Tensors.toFloats(params.get("fc0.weight"))).containsExactly(fc0Before);
        assertThat(Tensors.toFloats(params.get("out.weight"))).isNotEqualTo(outBefore);
        // the script module itself computes with the updated weights
        assertThat(outputs(model)).isNotEqualTo(WeightsTestSupport.flat(expected.path("output")));
    }

    @Test
    void aFileThatIsNotTorchScriptIsRefusedNamingIt() throws Exception {
        Path bogus = dir.resolve("bogus.pt");
        Files.writeString(bogus, "not a zip archive");
        assertThatThrownBy(() -> TorchScriptModel.load(bogus)).isInstanceOf(PylonUserException.class)
                .hasMessageContaining(bogus.toString()).hasMessageContaining("TorchScript");
        assertThatThrownBy(() -> TorchScriptModel.load(dir.resolve("absent.pt"))).isInstanceOf(PylonUserException.class)
                .hasMessageContaining("does not exist");
    }

    private Path save(Mlp model) {
        Path file = dir.resolve("other.safetensors");
        Weights.save(model, file);
        return file;
    }
}
