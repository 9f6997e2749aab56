package io.pylon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.pylon.run.MetricsLog;
import io.pylon.testing.FakeFashionMnist;

/** A quick end-to-end train from the example config on a few hundred generated samples. */
class TrainCommandTest {

    @TempDir
    Path dir;

    static String[] smallRun(Path data, Path runs, String runName, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("train",
                ConfigCommandTest.EXAMPLES.resolve("fashion-mnist.yaml").toString(),
                "data.root=" + data, "data.val_size=100", "data.batch_size=50", "data.eval_batch_size=100",
                "model.channels=[4, 8]", "model.hidden=16", "schedule.warmup_steps=2", "trainer.max_epochs=2",
                "trainer.threads=1", "experiment.runs_dir=" + runs, "experiment.run_name=" + runName));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    @Test
    void trainsAndWritesTheRunDirectory() throws IOException {
        Path data = FakeFashionMnist.write(Files.createDirectories(dir.resolve("data")), 500, 200, 1);
        CliRun run = CliRun.of(smallRun(data, dir.resolve("runs"), "e2e"));
        assertThat(run.exitCode()).as(run.err()).isZero();

        Path runDir = dir.resolve("runs/fashion-mnist/e2e");
        assertThat(runDir.resolve("config.yaml")).content().contains("channels: [4, 8]");
        assertThat(runDir.resolve("train.log")).content().contains("test");
        assertThat(runDir.resolve("checkpoints/last.ckpt")).exists();
        try (var files = Files.list(runDir.resolve("checkpoints"))) {
            assertThat(files.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("best-"));
        }
        List<JsonNode> records = MetricsLog.read(runDir.resolve("metrics.jsonl"));
        assertThat(records).filteredOn(r -> r.path("split").asText().equals("train") && r.has("loss")).hasSize(16);
        JsonNode test = records.stream().filter(r -> r.path("split").asText().equals("test")).findFirst().orElseThrow();
        assertThat(test.path("accuracy").asDouble()).as("fake classes are easy to learn").isGreaterThan(0.5);
        assertThat(records).filteredOn(r -> r.path("split").asText().equals("train") && r.has("lr")).hasSize(16);
    }

    @Test
    void learnableLossWeightsTrainWithTheModelAndAreLogged() throws IOException {
        Path data = FakeFashionMnist.write(Files.createDirectories(dir.resolve("data")), 300, 100, 3);
        CliRun run = CliRun.of(smallRun(data, dir.resolve("runs"), "learnable", "model=mlp", "~model.channels", "model.hidden=[16]",
                "criterion={name: combined, learnable_weights: true, terms: [{name: cross_entropy}, {name: focal}]}",
                "trainer.max_epochs=1"));
        assertThat(run.exitCode()).as(run.err()).isZero();
        Path runDir = dir.resolve("runs/fashion-mnist/learnable");
        List<Double> focalWeights = MetricsLog.read(runDir.resolve("metrics.jsonl")).stream()
                .filter(r -> r.has("loss_weight/focal")).map(r -> r.path("loss_weight/focal").asDouble()).toList();
        assertThat(focalWeights).hasSize(4);
        assertThat(focalWeights.get(0)).isNotEqualTo(focalWeights.get(3));
        assertThat(io.pylon.checkpoint.CheckpointFile.read(runDir.resolve("checkpoints/last.ckpt")).tensors())
                .containsKey("model/criterion.log_variances");
    }

    @Test
    void configuredMetricsAreLoggedPerSplitWithPerSampleScoresAndMultiMonitorCheckpoints() throws IOException {
        Path data = FakeFashionMnist.write(Files.createDirectories(dir.resolve("data")), 300, 100, 4);
        CliRun run = CliRun.of(smallRun(data, dir.resolve("runs"), "metrics",
                "metrics=[accuracy, {name: f1, num_classes: 10}, {name: dice, num_classes: 10}]",
                "callbacks=[{name: model_checkpoint, monitors: [val/f1/macro, val/loss], save_top_k: 1}]"));
        assertThat(run.exitCode()).as(run.err()).isZero();
        Path runDir = dir.resolve("runs/fashion-mnist/metrics");
        List<JsonNode> val = MetricsLog.read(runDir.resolve("metrics.jsonl")).stream()
                .filter(r -> r.path("split").asText().equals("val")).toList();
        assertThat(val).hasSize(2).allSatisfy(r -> assertThat(r.has("f1/macro") && r.has("dice/mean")).isTrue());
        Path perSample = io.pylon.metrics.PerSampleWriter.file(runDir, "val", val.get(1).path("step").asLong());
        var scores = io.pylon.metrics.PerSampleWriter.read(perSample);
        assertThat(scores).isNotEmpty();
        assertThat(scores.values().iterator().next()).hasSize(100);
        try (var files = Files.list(runDir.resolve("checkpoints"))) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("best-")))
                    .singleElement().asString().contains("val_f1_macro=");
        }
    }

    @Test
    void registeredResNetTrainsFromConfigAndWritesItsSummary() throws IOException {
        Path data = FakeFashionMnist.write(Files.createDirectories(dir.resolve("data")), 300, 100, 5);
        CliRun run = CliRun.of("train", ConfigCommandTest.EXAMPLES.resolve("fashion-mnist.yaml").toString(),
                "model=resnet", "model.width=4", "data.root=" + data, "data.val_size=100", "data.batch_size=50",
                "trainer.max_epochs=1", "trainer.threads=1", "experiment.runs_dir=" + dir.resolve("runs"),
                "experiment.run_name=resnet");
        assertThat(run.exitCode()).as(run.err()).isZero();
        Path runDir = dir.resolve("runs/fashion-mnist/resnet");
        assertThat(runDir.resolve("model_summary.txt")).content().contains("ResNet");
        assertThat(MetricsLog.read(runDir.resolve("metrics.jsonl")))
                .anySatisfy(r -> assertThat(r.path("split").asText()).isEqualTo("test"));
    }

    @Test
    void augmentationExampleTrainsOnTheThreadedLoader() throws IOException {
        Path data = FakeFashionMnist.write(Files.createDirectories(dir.resolve("data")), 300, 100, 2);
        CliRun run = CliRun.of("train", ConfigCommandTest.EXAMPLES.resolve("fashion-mnist-augment.yaml").toString(),
                "data.root=" + data, "data.val_size=100", "data.batch_size=50", "model.channels=[4, 8]",
                "model.hidden=16", "schedule.warmup_steps=2", "trainer.max_epochs=1", "trainer.threads=1",
                "experiment.runs_dir=" + dir.resolve("runs"), "experiment.run_name=augment");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(MetricsLog.read(dir.resolve("runs/fashion-mnist-augment/augment/metrics.jsonl")))
                .anySatisfy(r -> assertThat(r.path("split").asText()).isEqualTo("test"))
                .anySatisfy(r -> assertThat(r.has("data_wait_pct")).isTrue());
    }

    @Test
    void imageFolderDataTrainsThroughTheThreadedLoader() throws IOException {
        Path images = dir.resolve("images");
        java.util.Random random = new java.util.Random(3);
        String[] classes = {"circle", "cross", "empty"};
        for (int c = 0; c < classes.length; c++) {
            Path folder = Files.createDirectories(images.resolve(classes[c]));
            for (int n = 0; n < 20; n++) {
                java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(8, 8,
                        java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
                for (int y = 0; y < 8; y++) {
                    for (int x = 0; x < 8; x++) {
                        boolean on = c == 0 ? (x - 3.5) * (x - 3.5) + (y - 3.5) * (y - 3.5) < 9 : c == 1 && (x == y);
                        image.getRaster().setSample(x, y, 0, (on ? 200 : 20) + random.nextInt(30));
                    }
                }
                javax.imageio.ImageIO.write(image, "png", folder.resolve(n + ".png").toFile());
            }
        }
        CliRun run = CliRun.of("train", ConfigCommandTest.EXAMPLES.resolve("fashion-mnist.yaml").toString(),
                "model=mlp", "model.hidden=[16]", "data.name=image_folder", "data.train.path=" + images,
                "data.train.grayscale=true", "data.val_size=12", "data.batch_size=16", "data.workers=2",
                "data.augment=[{name: gaussian_noise, std: [0.01]}]", "schedule.warmup_steps=2",
                "trainer.max_epochs=3", "trainer.threads=1", "trainer.test=false",
                "experiment.runs_dir=" + dir.resolve("runs"), "experiment.run_name=folders");
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<com.fasterxml.jackson.databind.JsonNode> records = MetricsLog.read(
                dir.resolve("runs/fashion-mnist/folders/metrics.jsonl"));
        assertThat(records).filteredOn(r -> r.path("split").asText().equals("train_epoch"))
                .hasSize(3).allSatisfy(r -> assertThat(r.path("data_wait_pct").asDouble()).isBetween(0.0, 100.0));
        assertThat(records).filteredOn(r -> r.path("split").asText().equals("val")).last()
                .satisfies(r -> assertThat(r.path("accuracy").asDouble()).isGreaterThan(0.6));
    }

    @Test
    void missingDataNamesBothRemedies() {
        CliRun run = CliRun.of(smallRun(dir.resolve("nowhere"), dir.resolve("runs"), "nodata"));
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("dataset-fashion-mnist").contains("data.root").doesNotContain("\tat ");
    }
}
