package io.pylon.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.bytedeco.pytorch.EmbeddingImpl;
import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.Tensor;
import org.junit.jupiter.api.Test;

import io.pylon.data.DataSpec;
import io.pylon.engine.Engine;
import io.pylon.nn.ModuleTensors;
import io.pylon.testing.TestComponents;

class ModelSummaryTest {

    private static SummaryNet net() {
        Engine.start();
        return new SummaryNet();
    }

    @Test
    void countsOwnAndTotalParametersPerModuleInClosedForm() {
        ModelSummary summary = ModelSummary.of(net(), new DataSpec(new long[] {4}, 5), -1);

        assertThat(summary.rows()).extracting(ModuleRow::path)
                .containsExactly("", "block", "block.first", "block.second", "head");
        assertThat(summary.rows()).extracting(ModuleRow::depth).containsExactly(0, 1, 2, 2, 1);
        assertThat(summary.rows()).extracting(ModuleRow::ownParams).containsExactly(5L, 0L, 4L * 3 + 3, 3L * 2 + 2,
                2L * 5 + 5);
        assertThat(summary.rows()).extracting(ModuleRow::totalParams).containsExactly(43L, 23L, 15L, 8L, 15L);
        assertThat(summary.totalParams()).isEqualTo(43);
        assertThat(summary.trainableParams()).isEqualTo(43);
        assertThat(summary.frozenParams()).isZero();
        assertThat(summary.parameterBytes()).isEqualTo(43L * 4);
        assertThat(summary.rows()).extracting(ModuleRow::type)
                .containsExactly("SummaryNet", "Block", "Linear", "Linear", "Linear");
    }

    @Test
    void splitsTrainableFromFrozen() {
        SummaryNet model = net();
        for (Tensor t : ModuleTensors.parameters(model.block.first).values()) {
            t.requires_grad_(false);
        }
        ModelSummary summary = ModelSummary.of(model, new DataSpec(new long[] {4}, 5), -1);

        ModuleRow block = summary.rows().get(1);
        assertThat(block.trainableParams()).isEqualTo(8);
        assertThat(block.frozenParams()).isEqualTo(15);
        assertThat(summary.trainableParams()).isEqualTo(28);
        assertThat(summary.frozenParams()).isEqualTo(15);
        assertThat(summary.render()).contains("Trainable params: 28").contains("Frozen params: 15")
                .contains("Total params: 43");
    }

    @Test
    void probesTheOutputShapeInEvalModeAndRestoresTraining() {
        SummaryNet model = net();
        model.train(true);
        ModelSummary summary = ModelSummary.of(model, new DataSpec(new long[] {4}, 5), -1);

        assertThat(summary.inputShape()).containsExactly(1L, 4L);
        assertThat(summary.outputShapes()).isEqualTo(Map.of("output", "[1, 5]"));
        assertThat(model.is_training()).isTrue();
    }

    @Test
    void reportsAFailedForwardInsteadOfThrowing() {
        ModelSummary summary = ModelSummary.of(net(), new DataSpec(new long[] {7}, 5), -1);

        assertThat(summary.outputShapes()).containsOnlyKeys("unavailable");
        assertThat(summary.totalParams()).isEqualTo(43);
    }

    /** Token models take integer ids: the float probe fails and the integer one measures the output. */
    static final class TokenNet extends Module implements Model {

        private final EmbeddingImpl embedding;

        TokenNet() {
            super("TokenNet");
            embedding = register_module("embedding", new EmbeddingImpl(11, 3));
        }

        @Override
        public Tensor forward(Tensor input) {
            return embedding.forward(input);
        }
    }

    @Test
    void probesTokenModelsWithIntegerIds() {
        Engine.start();
        ModelSummary summary = ModelSummary.of(new TokenNet(), new DataSpec(new long[] {7}, 11), -1);

        assertThat(summary.outputShapes()).isEqualTo(Map.of("output", "[1, 7, 3]"));
        assertThat(summary.rows()).extracting(ModuleRow::type).containsExactly("TokenNet", "Embedding");
        assertThat(summary.totalParams()).isEqualTo(33);
    }

    @Test
    void maxDepthCutsTheTreeButKeepsTotals() {
        ModelSummary summary = ModelSummary.of(net(), new DataSpec(new long[] {4}, 5), 1);

        assertThat(summary.rows()).extracting(ModuleRow::path).containsExactly("", "block", "head");
        assertThat(summary.rows().get(1).totalParams()).isEqualTo(23);
    }

    @Test
    void rendersAnIndentedTree() {
        String text = ModelSummary.of(net(), new DataSpec(new long[] {4}, 5), -1).render();
        List<String> lines = text.lines().toList();

        assertThat(lines.get(0)).startsWith("Name").contains("Own params").contains("Total params");
        assertThat(lines.get(1)).startsWith("(model)").contains("SummaryNet").contains("43");
        assertThat(lines.get(2)).startsWith("  block ");
        assertThat(lines.get(3)).startsWith("    first ").contains("Linear").contains("15");
        assertThat(lines.get(5)).startsWith("  head ");
        assertThat(text).contains("Output shape (output): [1, 5]").contains("Total estimated params size (MB): 0.000")
                .contains(ModelSummary.NO_LAYER_SHAPES);
    }

    @Test
    void summarisesABuiltInModel() {
        Engine.start();
        Model mlp = TestComponents.model("mlp", new MlpParams(List.of(16), 0.0), new DataSpec(new long[] {1, 28, 28}, 10));
        ModelSummary summary = ModelSummary.of(mlp, new DataSpec(new long[] {1, 28, 28}, 10), -1);

        assertThat(summary.totalParams()).isEqualTo(784L * 16 + 16 + 16L * 10 + 10);
        assertThat(summary.totalParams()).isEqualTo(ModuleTensors.parameterCount(mlp.module()));
        assertThat(summary.outputShapes()).isEqualTo(Map.of("output", "[1, 10]"));
    }
}
