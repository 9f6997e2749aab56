package io.pylon.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.pylon.config.Config;
import io.pylon.config.MapNode;
import io.pylon.config.Origin;
import io.pylon.criteria.Criteria;
import io.pylon.models.Models;
import io.pylon.registry.UnknownNameException;
import io.pylon.run.MetricsLog;
import io.pylon.testing.FakeFashionMnist;
import io.pylon.trainer.Trainer;
import io.pylon.trainer.TrainingRun;
import io.pylon.trainer.callback.Callbacks;

/** The plugin is found on the class path through its service file, with no registration code in the test. */
class ExamplePluginTest {

    @TempDir
    Path dir;

    private Config config(Path data, String model, String criterion) {
        return Config.parse("""
                experiment: {name: plugin, runs_dir: '%s', run_name: %s}
                seed: 7
                data: {name: fashion_mnist, root: '%s', batch_size: 50, eval_batch_size: 100, val_size: 100}
                model: {name: %s, width: 16, blocks: 2}
                criterion: {name: %s, smoothing: 0.1}
                optim: {name: adamw, lr: 0.003}
                trainer: {max_epochs: 2, threads: 1, device: cpu}
                callbacks:
                  - name: epoch_timer
                  - name: model_checkpoint
                    monitor: val/accuracy
                """.formatted(dir.resolve("runs"), model + "-" + criterion, data, model, criterion), "plugin.yaml");
    }

    @Test
    void theServiceFileRegistersEveryComponent() {
        assertThat(Models.names()).contains(ExamplePlugin.MODEL, "mlp");
        assertThat(Criteria.registry().names()).contains(ExamplePlugin.LOSS, "cross_entropy");
        assertThat(Callbacks.registry().names()).contains(ExamplePlugin.CALLBACK, "model_summary");
        assertThat(Models.paramsType(ExamplePlugin.MODEL)).isEqualTo(TinyResMlpParams.class);
    }

    @Test
    void aConfigTrainsThePluginModelWithThePluginLossAndCallback() throws IOException {
        Path data = FakeFashionMnist.write(Files.createDirectories(dir.resolve("data")), 400, 100, 5);
        Path runDir;
        try (Trainer trainer = TrainingRun.create(config(data, ExamplePlugin.MODEL, ExamplePlugin.LOSS),
                Clock.systemUTC())) {
            assertThat(trainer.model()).isInstanceOf(TinyResMlp.class);
            assertThat(trainer.criterion()).isEqualTo(new LabelSmoothedCe(0.1));
            trainer.fit();
            assertThat(trainer.test().values().get("accuracy")).as("fake classes are easy to learn").isGreaterThan(0.5);
            runDir = trainer.runDirectory().path();
        }

        List<JsonNode> records = MetricsLog.read(runDir.resolve("metrics.jsonl"));
        assertThat(records).filteredOn(r -> r.path("split").asText().equals("train") && r.has("loss")).hasSize(2 * 6);
        assertThat(records).filteredOn(r -> r.has("epoch_seconds")).hasSize(2)
                .allSatisfy(r -> assertThat(r.path("epoch_seconds").asDouble()).isPositive());
        assertThat(records).filteredOn(r -> r.path("split").asText().equals("val") && r.has("accuracy")).hasSize(2);
        assertThat(runDir.resolve("checkpoints/last.ckpt")).exists();
        assertThat(runDir.resolve("model_summary.txt")).content().contains("TinyResMlp").contains("  block0 ")
                .contains("    inner ").contains("Output shape (output): [1, 10]");
    }

    @Test
    void unknownNamesListThePluginsNames() throws IOException {
        Path data = FakeFashionMnist.write(Files.createDirectories(dir.resolve("data")), 200, 50, 6);
        assertThatThrownBy(() -> TrainingRun.create(config(data, "tiny_resnet", ExamplePlugin.LOSS), Clock.systemUTC()))
                .hasMessageContaining("tiny_resnet").hasMessageContaining(ExamplePlugin.MODEL)
                .hasMessageContaining("mlp");
        assertThatThrownBy(() -> Criteria.create("label_smoothing", MapNode.empty(Origin.described("test")), "criterion"))
                .isInstanceOf(UnknownNameException.class).hasMessageContaining(ExamplePlugin.LOSS)
                .hasMessageContaining("cross_entropy");
        assertThatThrownBy(() -> Callbacks.create(Config.parse("callbacks: [{name: epoch_timers}]\n", "c.yaml")
                .find("callbacks").orElseThrow()))
                .hasMessageContaining("epoch_timers").hasMessageContaining(ExamplePlugin.CALLBACK);
    }
}
