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
import io.pylon.config.ConfigException;
import io.pylon.criteria.Criteria;
import io.pylon.models.Models;
import io.pylon.plugin.StandardComponents;
import io.pylon.registry.ComponentBinder;
import io.pylon.registry.Components;
import io.pylon.run.MetricsLog;
import io.pylon.testing.FakeFashionMnist;
import io.pylon.trainer.RunResolver;
import io.pylon.trainer.Trainer;
import io.pylon.trainer.TrainingRun;
import io.pylon.trainer.callback.Callbacks;

/** The plugin is found on the class path through its service file, with no registration code in the test. */
class ExamplePluginTest {

    /** Built-ins plus whatever the class path declares: this module's plugin. */
    private static final Components COMPONENTS = StandardComponents.withPlugins();

    @TempDir
    Path dir;

    private static Trainer start(Config config) {
        return TrainingRun.create(RunResolver.resolve(config, COMPONENTS), Clock.systemUTC());
    }

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
        assertThat(COMPONENTS.names(Models.KIND)).contains(ExamplePlugin.MODEL, "mlp");
        assertThat(COMPONENTS.names(Criteria.KIND)).contains(ExamplePlugin.LOSS, "cross_entropy");
        assertThat(COMPONENTS.names(Callbacks.KIND)).contains(ExamplePlugin.CALLBACK, "model_summary");
        assertThat(COMPONENTS.get(Models.KIND, ExamplePlugin.MODEL).paramsType()).isEqualTo(TinyResMlpParams.class);
    }

    @Test
    void aConfigTrainsThePluginModelWithThePluginLossAndCallback() throws IOException {
        Path data = FakeFashionMnist.write(Files.createDirectories(dir.resolve("data")), 400, 100, 5);
        Path runDir;
        try (Trainer trainer = start(config(data, ExamplePlugin.MODEL, ExamplePlugin.LOSS))) {
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
        assertThatThrownBy(() -> start(config(data, "tiny_resnet", ExamplePlugin.LOSS)))
                .isInstanceOf(ConfigException.class).hasMessageContaining("model.name")
                .hasMessageContaining("did you mean '" + ExamplePlugin.MODEL + "'").hasMessageContaining("mlp");
        assertThatThrownBy(() -> start(config(data, ExamplePlugin.MODEL, "label_smoothing")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("criterion.name")
                .hasMessageContaining(ExamplePlugin.LOSS).hasMessageContaining("cross_entropy");
        assertThatThrownBy(() -> Callbacks.bind(new ComponentBinder(COMPONENTS),
                Config.parse("callbacks: [{name: epoch_timers}]\n", "c.yaml").find("callbacks").orElseThrow()))
                .hasMessageContaining("epoch_timers").hasMessageContaining(ExamplePlugin.CALLBACK);
        assertThat(dir.resolve("runs")).doesNotExist();
    }
}
