package io.pylon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.pylon.run.MetricsLog;

/** examples/segmentation-2d.yaml runs a few steps on synthetic PNG image/mask pairs. */
@Tag("slow")
class Segmentation2dExampleTest {

    @TempDir
    Path dir;

    @Test
    void trainsOnSyntheticPngPairs() {
        Path data = dir.resolve("synth-2d");
        CliRun synth = CliRun.of("data", "synth", "--dims", "2", "--out", data.toString(), "--train", "4", "--val",
                "2", "--test", "2", "--shape", "64,64", "--seed", "5");
        assertThat(synth.exitCode()).as(synth.err()).isZero();
        assertThat(data.resolve("train/images/case_000.png")).exists();
        assertThat(data.resolve("train/labels/case_000.png")).exists();
        CliRun train = CliRun.of("train", ConfigCommandTest.EXAMPLES.resolve("segmentation-2d.yaml").toString(),
                split(data, "train"), split(data, "val"), split(data, "test"), "data.batch_size=2",
                "data.workers=1", "data.augment.0.size=[64, 64]", "model.depth=2", "model.width=4",
                "criterion.weights=[1.0, 0.5]", "trainer.max_steps=2", "trainer.max_epochs=1", "trainer.threads=1",
                "experiment.runs_dir=" + dir.resolve("runs"), "experiment.run_name=tiny");
        assertThat(train.exitCode()).as(train.err()).isZero();
        assertThat(MetricsLog.read(dir.resolve("runs/segmentation-2d/tiny/metrics.jsonl"))).anySatisfy(r -> {
            assertThat(r.path("split").asText()).isEqualTo("test");
            assertThat(r.has("dice/class_3") && r.has("hd95/mean")).isTrue();
        });
    }

    private static String split(Path data, String name) {
        Path folder = data.resolve(name);
        return "data." + name + "={images: [" + folder.resolve("images/*.png") + "], labels: ["
                + folder.resolve("labels/*.png") + "]}";
    }
}
