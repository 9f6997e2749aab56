package io.pylon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.pylon.data.DataSpec;
import io.pylon.data.array.DType;
import io.pylon.data.array.NdArray;
import io.pylon.data.format.Npy;
import io.pylon.data.volume.NiftiReader;
import io.pylon.data.volume.NiftiVolume;
import io.pylon.data.volume.NiftiWriter;
import io.pylon.models.Model;
import io.pylon.models.UNet;
import io.pylon.models.UNetParams;
import io.pylon.models.weights.Weights;
import io.pylon.nn.Activation;
import io.pylon.nn.Norm;
import io.pylon.run.MetricsLog;

/**
 * The segmentation workflow from the command line: synthetic data, a few training steps of
 * examples/segmentation-3d.yaml, sliding-window prediction of the test cases, evaluation, and the refusals
 * of bad input.
 */
@Tag("slow")
class SegmentationWorkflowTest {

    @TempDir
    static Path dir;

    static Path data;
    static Path run;

    @BeforeAll
    static void trainATinyModel() {
        data = dir.resolve("synth");
        CliRun synth = CliRun.of("data", "synth", "--out", data.toString(), "--train", "3", "--val", "1", "--test",
                "2", "--shape", "16,32,32", "--classes", "2", "--seed", "3");
        assertThat(synth.exitCode()).as(synth.err()).isZero();
        CliRun train = CliRun.of("train", ConfigCommandTest.EXAMPLES.resolve("segmentation-3d.yaml").toString(),
                split("train"), split("val"), split("test"), "data.num_classes=3", "data.workers=0",
                "data.augment.0.size=[16, 32, 32]", "model.depth=2", "model.width=4", "criterion.weights=[1.0, 0.5]",
                "metrics=[{name: dice, num_classes: 3}, {name: hd95, num_classes: 3, spacing: [2.0, 1.0, 1.0]}]",
                "trainer.max_steps=2", "trainer.max_epochs=1", "trainer.threads=1",
                "experiment.runs_dir=" + dir.resolve("runs"), "experiment.run_name=tiny");
        assertThat(train.exitCode()).as(train.err()).isZero();
        run = dir.resolve("runs/segmentation-3d/tiny");
    }

    private static String split(String name) {
        Path folder = data.resolve(name);
        return "data." + name + "={images: [" + folder.resolve("images/*.nii.gz") + "], labels: ["
                + folder.resolve("labels/*.nii.gz") + "]}";
    }

    @Test
    void synthWritesSeededPairsWithAnisotropicSpacing() throws IOException {
        NiftiVolume image = NiftiReader.read(data.resolve("train/images/case_000.nii.gz"));
        NiftiVolume labels = NiftiReader.read(data.resolve("train/labels/case_000.nii.gz"));
        assertThat(image.data().shape()).containsExactly(1, 16, 32, 32);
        assertThat(image.spacing()).containsExactly(2.0, 1.0, 1.0);
        assertThat(labels.data().dtype()).isEqualTo(DType.UINT8);
        long[] counts = new long[3];
        for (long v : labels.data().toLongs()) {
            counts[(int) v]++;
        }
        assertThat(java.util.Arrays.stream(counts).allMatch(c -> c > 0)).as(java.util.Arrays.toString(counts)).isTrue();
        Path again = dir.resolve("synth-again");
        CliRun synth = CliRun.of("data", "synth", "--out", again.toString(), "--train", "1", "--val", "0", "--test",
                "0", "--shape", "16,32,32", "--classes", "2", "--seed", "3");
        assertThat(synth.exitCode()).as(synth.err()).isZero();
        assertThat(Files.readAllBytes(again.resolve("train/labels/case_000.nii.gz")))
                .isEqualTo(Files.readAllBytes(data.resolve("train/labels/case_000.nii.gz")));
        CliRun refused = CliRun.of("data", "synth", "--out", again.toString());
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).startsWith("error: ").contains("not empty");
    }

    @Test
    void trainingLogsPerClassDiceAndHd95() {
        List<JsonNode> records = MetricsLog.read(run.resolve("metrics.jsonl"));
        assertThat(records).anySatisfy(r -> {
            assertThat(r.path("split").asText()).isEqualTo("test");
            assertThat(r.has("dice/class_1") && r.has("hd95/class_2")).isTrue();
        });
    }

    @Test
    void predictWritesLabelsOnTheInputGridAndEvaluateReproducesTheirDice() throws IOException {
        Path out = dir.resolve("predictions");
        CliRun predict = CliRun.of("predict", run.toString(), "--input", data.resolve("test/images/*.nii.gz").toString(),
                "--out", out.toString(), "inference.window.size=[16, 16, 16]", "inference.window.overlap=0.5",
                "inference.probabilities=true", "inference.modes=[{name: tta, flips: [[2]], merge: mean}]");
        assertThat(predict.exitCode()).as(predict.err()).isZero();
        for (String name : List.of("case_004", "case_005")) {
            NiftiVolume input = NiftiReader.read(data.resolve("test/images/" + name + ".nii.gz"));
            NiftiVolume labels = NiftiReader.read(out.resolve(name + "_labels.nii.gz"));
            NiftiVolume probabilities = NiftiReader.read(out.resolve(name + "_probabilities.nii.gz"));
            assertThat(labels.data().shape()).containsExactly(1, 16, 32, 32);
            assertThat(probabilities.data().shape()).containsExactly(3, 16, 32, 32);
            assertThat(labels.spacing()).isEqualTo(input.spacing());
            assertThat(labels.affine().approximatelyEquals(input.affine(), 1e-6)).isTrue();
            float[] p = probabilities.data().toFloats();
            int voxels = 16 * 32 * 32;
            for (int i = 0; i < voxels; i += 97) {
                assertThat(p[i] + p[voxels + i] + p[2 * voxels + i]).isCloseTo(1f, org.assertj.core.data.Offset.offset(1e-4f));
            }
        }
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(f -> f.getFileName().toString())).noneMatch(n -> n.startsWith(".partial"));
        }

        CliRun evaluate = CliRun.of("evaluate", "--predictions", out.toString(), "--labels",
                data.resolve("test/labels/*.nii.gz").toString(), "--num-classes", "3");
        assertThat(evaluate.exitCode()).as(evaluate.err()).isZero();
        JsonNode report = new ObjectMapper().readTree(out.resolve("evaluation.json").toFile());
        assertThat(report.path("cases")).hasSize(2);
        double meanOfCases = 0;
        for (JsonNode c : report.path("cases")) {
            String name = c.path("case").asText();
            long[] predicted = NiftiReader.read(out.resolve(name + "_labels.nii.gz")).data().toLongs();
            long[] truth = NiftiReader.read(data.resolve("test/labels/" + name + ".nii.gz")).data().toLongs();
            double sum = 0;
            for (int k = 1; k <= 2; k++) {
                double dice = dice(predicted, truth, k);
                assertThat(c.path("dice/class_" + k).asDouble()).as(name + " class " + k)
                        .isCloseTo(dice, org.assertj.core.data.Offset.offset(1e-9));
                sum += dice;
            }
            meanOfCases += sum / 2 / 2;
            assertThat(c.has("iou/class_1") && c.has("hd95/class_2") && c.has("assd/mean")).isTrue();
        }
        assertThat(report.path("mean").path("dice/mean").asDouble()).isCloseTo(meanOfCases,
                org.assertj.core.data.Offset.offset(1e-9));
        assertThat(out.resolve("evaluation.csv")).content().startsWith("case,dice/").contains("\nmean,", "\nstd,");
    }

    private static double dice(long[] predicted, long[] truth, int k) {
        long both = 0;
        long p = 0;
        long t = 0;
        for (int i = 0; i < truth.length; i++) {
            boolean inP = predicted[i] == k;
            boolean inT = truth[i] == k;
            both += inP && inT ? 1 : 0;
            p += inP ? 1 : 0;
            t += inT ? 1 : 0;
        }
        return p + t == 0 ? 1 : 2.0 * both / (p + t);
    }

    @Test
    void inputWithOtherChannelsOrDimensionsIsRefusedNamingTheFileAndBothShapes() throws IOException {
        Path twoChannels = dir.resolve("two-channels.nii.gz");
        NiftiWriter.write(twoChannels, NiftiVolume.withSpacing(NdArray.zeros(DType.FLOAT32, 2, 16, 32, 32),
                List.of(2.0, 1.0, 1.0)));
        CliRun channels = CliRun.of("predict", run.toString(), "--input", twoChannels.toString(), "--out",
                dir.resolve("out-channels").toString(), "inference.window.size=[16, 16, 16]");
        assertThat(channels.exitCode()).isEqualTo(2);
        assertThat(channels.err()).startsWith("error: ").contains(twoChannels.toString())
                .contains("[2, 16, 32, 32]").contains("model has [4, 2, 3, 3, 3], file has [4, 1, 3, 3, 3]")
                .doesNotContain("\tat ");
        assertThat(channels.err().strip().lines()).as("one error line").hasSize(1);

        Path flat = dir.resolve("flat.npy");
        Npy.write(flat, NdArray.zeros(DType.FLOAT32, 1, 32, 32));
        CliRun dims = CliRun.of("predict", run.toString(), "--input", flat.toString(), "--out",
                dir.resolve("out-dims").toString());
        assertThat(dims.exitCode()).isEqualTo(2);
        assertThat(dims.err()).startsWith("error: ").contains(flat.toString()).contains("[1, 32, 32]")
                .contains("unet3d");
    }

    @Test
    void manifestNamingAMissingFileIsRefused() throws IOException {
        Path manifest = dir.resolve("cases.json");
        Files.writeString(manifest, "[{\"image\": \"synth/test/images/case_004.nii.gz\"}, {\"image\": \"nope.nii.gz\"}]");
        CliRun predict = CliRun.of("predict", run.toString(), "--input", manifest.toString(), "--out",
                dir.resolve("out-manifest").toString());
        assertThat(predict.exitCode()).isEqualTo(2);
        assertThat(predict.err()).startsWith("error: ").contains(manifest.toString()).contains("nope.nii.gz");
        assertThat(dir.resolve("out-manifest")).doesNotExist();
    }

    @Test
    void labelsWhoseShapeDisagreesWithThePredictionAreRefused() throws IOException {
        Path predictions = Files.createDirectories(dir.resolve("bad-eval/pred"));
        Path labels = Files.createDirectories(dir.resolve("bad-eval/labels"));
        NiftiWriter.write(predictions.resolve("a_labels.nii.gz"), NiftiVolume.withSpacing(
                NdArray.zeros(DType.UINT8, 1, 16, 32, 32), List.of(2.0, 1.0, 1.0)));
        NiftiWriter.write(labels.resolve("a.nii.gz"), NiftiVolume.withSpacing(
                NdArray.zeros(DType.UINT8, 1, 16, 32, 24), List.of(2.0, 1.0, 1.0)));
        CliRun evaluate = CliRun.of("evaluate", "--predictions", predictions.toString(), "--labels",
                labels.resolve("*.nii.gz").toString(), "--num-classes", "3");
        assertThat(evaluate.exitCode()).isEqualTo(2);
        assertThat(evaluate.err()).startsWith("error: ").contains("a_labels.nii.gz").contains("[1, 16, 32, 32]")
                .contains("[1, 16, 32, 24]");
        assertThat(predictions.resolve("evaluation.json")).doesNotExist();
    }

    @Test
    void anEnsembleWithACheckpointOfAnotherModelIsRefused() {
        Model wider = UNet.create(new UNetParams(2, 8, Norm.INSTANCE, 8, Activation.RELU,
                UNetParams.Upsampling.TRANSPOSED, 0, false, true), new DataSpec(new long[] {1, 16, 16, 16}, 3), 3);
        Path other = dir.resolve("wider.safetensors");
        Weights.save(wider, other);
        CliRun predict = CliRun.of("predict", run.toString(), "--checkpoint",
                run.resolve("checkpoints/last.ckpt").toString(), "--checkpoint", other.toString(), "--input",
                data.resolve("test/images/case_004.nii.gz").toString(), "--out", dir.resolve("out-ensemble").toString(),
                "inference.window.size=[16, 16, 16]");
        assertThat(predict.exitCode()).isEqualTo(2);
        assertThat(predict.err().lines().filter(l -> l.startsWith("error: "))).singleElement().asString()
                .contains(other.toString()).contains("model has [4, 1, 3, 3, 3]")
                .contains("file has [8, 1, 3, 3, 3]");
    }
}
