package io.pylon.models.weights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.bytedeco.pytorch.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.pylon.PylonUserException;
import io.pylon.config.Config;
import io.pylon.config.ConfigException;
import io.pylon.data.DataSpec;
import io.pylon.engine.Engine;
import io.pylon.engine.Seeds;
import io.pylon.engine.Tensors;
import io.pylon.models.Mlp;
import io.pylon.models.MlpParams;
import io.pylon.nn.ModuleTensors;
import io.pylon.optim.ParamGroup;
import io.pylon.testing.FakeFashionMnist;
import io.pylon.trainer.Trainer;
import io.pylon.trainer.TrainingRun;
import io.pylon.testing.TestComponents;

/** The {@code model.weights}/{@code model.freeze} keys through {@link TrainingRun}, the way the CLI runs them. */
class FineTuningConfigTest {

    @TempDir
    Path dir;

    private Path pretrained() {
        Engine.start();
        Seeds.seed(77);
        Mlp model = new Mlp(new MlpParams(List.of(8), 0.0), new DataSpec(new long[] {1, 28, 28}, 10));
        Path file = dir.resolve("pretrained.safetensors");
        Weights.save(model, file, "mlp", new MlpParams(List.of(8), 0.0));
        return file;
    }

    private Config config(String hidden, String modelExtra) throws IOException {
        Path data = FakeFashionMnist.write(Files.createDirectories(dir.resolve("data")), 64, 16, 3);
        String yaml = """
                experiment: {name: ft, runs_dir: '%s'}
                seed: 5
                data: {name: fashion_mnist, root: '%s', batch_size: 16, eval_batch_size: 16, val_size: 16}
                model: {name: mlp, hidden: %s, dropout: 0.0, %s}
                optim: {name: sgd, lr: 0.1, momentum: 0.0, lr_multipliers: {'^out\\.': 0.5}}
                trainer: {max_epochs: 1, device: cpu, threads: 1, test: false}
                callbacks: []
                """.formatted(dir.resolve("runs"), data, hidden, modelExtra);
        return Config.parse(yaml, "ft.yaml");
    }

    @Test
    void trainingRunLoadsWeightsFreezesAndKeepsFrozenLayersFixed() throws IOException {
        Path file = pretrained();
        Map<String, float[]> saved = Map.of("fc0.weight", Tensors.toFloats(Weights.read(file).get("fc0.weight")),
                "out.weight", Tensors.toFloats(Weights.read(file).get("out.weight")));
        Config config = config("[8]", "weights: '" + file + "', weights_strict: true, freeze: ['fc*'], unfreeze: ['fc0.bias']");

        try (Trainer trainer = TestComponents.startRun(config, Clock.systemUTC())) {
            assertThat(trainer.optimizer().groups().stream().flatMap(g -> g.parameterNames().stream()))
                    .containsExactlyInAnyOrder("fc0.bias", "out.weight", "out.bias");
            assertThat(trainer.optimizer().groups()).extracting(ParamGroup::lrMultiplier).containsExactly(1.0, 0.5);
            assertThat(Tensors.toFloats(ModuleTensors.parameters(trainer.model().module()).get("out.weight")))
                    .containsExactly(saved.get("out.weight"));
            trainer.fit();
            Map<String, Tensor> after = ModuleTensors.parameters(trainer.model().module());
            assertThat(Tensors.toFloats(after.get("fc0.weight"))).containsExactly(saved.get("fc0.weight"));
            assertThat(Tensors.toFloats(after.get("out.weight"))).isNotEqualTo(saved.get("out.weight"));
        }
    }

    @Test
    void resumingDoesNotReadThePretrainedFileAgain() throws IOException {
        Path file = pretrained();
        Config config = config("[8]", "weights: '" + file + "', freeze: ['fc0.*']");
        Path runDir;
        try (Trainer trainer = TestComponents.startRun(config, Clock.systemUTC())) {
            trainer.fit();
            runDir = trainer.runDirectory().path();
        }
        Files.delete(file);
        try (Trainer resumed = TrainingRun.resume(runDir, List.of("trainer.max_epochs=2"), TestComponents.BUILT_INS)) {
            assertThat(resumed.position().epoch()).isEqualTo(1);
            assertThat(resumed.optimizer().groups().stream().flatMap(g -> g.parameterNames().stream()))
                    .doesNotContain("fc0.weight", "fc0.bias");
            assertThat(resumed.fit().position().epoch()).isEqualTo(2);
        }
    }

    @Test
    void strictWeightsOfAnotherArchitectureFailTheRun() throws IOException {
        Path file = pretrained();
        Config config = config("[8, 8]", "weights: '" + file + "'");
        assertThatThrownBy(() -> TestComponents.startRun(config, Clock.systemUTC())).isInstanceOf(PylonUserException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("missing [fc1.weight, fc1.bias]");
    }

    @Test
    void fineTuningKeysAreBoundWithTheirOwnKeyPaths() throws IOException {
        Config config = config("[8]", "weights_strict: maybe");
        assertThatThrownBy(() -> TestComponents.startRun(config, Clock.systemUTC())).isInstanceOf(ConfigException.class)
                .hasMessageContaining("model.weights_strict");
    }
}
