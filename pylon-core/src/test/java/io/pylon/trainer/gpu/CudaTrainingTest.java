package io.pylon.trainer.gpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.pylon.engine.Device;
import io.pylon.engine.Seeds;
import io.pylon.engine.Tensors;
import io.pylon.nn.ModuleTensors;
import io.pylon.run.MetricsLog;
import io.pylon.run.RunDirectory;
import io.pylon.testing.RequiresCuda;
import io.pylon.testing.TrainerFixture;
import io.pylon.trainer.StepResult;
import io.pylon.trainer.Trainer;
import io.pylon.trainer.TrainerConfig;
import io.pylon.trainer.TrainerView;
import io.pylon.trainer.callback.Callback;
import io.pylon.trainer.callback.ModelCheckpoint;

/** The trainer on a CUDA device: fp32, bf16 and fp16 mixed precision, exact resume with the device RNG. */
@RequiresCuda
class CudaTrainingTest {

    private static final Device CUDA = new Device.Cuda(0);

    @TempDir
    Path runs;

    private record CrashAt(long step) implements Callback {
        @Override
        public String name() {
            return "crash";
        }

        @Override
        public void onTrainBatchEnd(TrainerView trainer, StepResult result) {
            if (result.globalStep() == step) {
                throw new IllegalStateException("simulated crash at step " + step);
            }
        }
    }

    private static TrainerConfig config(int epochs, String precision) {
        return new TrainerConfig(epochs, 0, "cuda", 1, 1, 0, 1, 0.0, 0.0, false, false, precision, 2);
    }

    private static List<Double> losses(Path metrics) {
        return MetricsLog.read(metrics).stream().filter(n -> n.path("split").asText().equals("train") && n.has("loss"))
                .map(n -> n.path("loss").asDouble()).toList();
    }

    private static float[] weights(Trainer trainer) {
        Map<String, Tensor> state = ModuleTensors.stateDict(trainer.model().module());
        return state.values().stream().map(t -> Tensors.toFloats(t.cpu())).reduce(new float[0], (a, b) -> {
            float[] out = Arrays.copyOf(a, a.length + b.length);
            System.arraycopy(b, 0, out, a.length, b.length);
            return out;
        });
    }

    @Test
    void everyPrecisionTrainsOnTheGpuWithFp32MasterWeights() {
        for (String precision : List.of("32", "bf16-mixed", "16-mixed")) {
            try (Trainer trainer = new TrainerFixture().device(CUDA).dropout(0).samples(256).config(config(6, precision))
                    .build(runs, "p" + precision)) {
                trainer.fit();
                List<Double> l = losses(trainer.runDirectory().metrics());
                assertThat(l.subList(l.size() - 5, l.size()).stream().mapToDouble(d -> d).average().orElseThrow())
                        .as(precision).isLessThan(0.6 * l.subList(0, 5).stream().mapToDouble(d -> d).average().orElseThrow());
                Tensor weight = trainer.model().module().parameters().get(0);
                assertThat(weight.is_cuda()).isTrue();
                assertThat(weight.scalar_type().value).isEqualTo(torch.ScalarType.Float.value);
                List<JsonNode> profiled = MetricsLog.read(trainer.runDirectory().metrics()).stream()
                        .filter(n -> n.path("split").asText().equals("profile")).toList();
                assertThat(profiled).isNotEmpty();
                assertThat(profiled.getFirst().path("time_ms/forward").asDouble()).isPositive();
                assertThat(profiled.getFirst().has("gpu_memory_used_mb")).as("device monitor on a GPU machine").isTrue();
                if (precision.equals("16-mixed")) {
                    assertThat(profiled.getLast().path("loss_scale").asDouble()).isPositive();
                }
            }
        }
    }

    @Test
    void resumeOnTheGpuRestoresTheDeviceRngSoDropoutRepeats() {
        TrainerFixture fixture = new TrainerFixture().device(CUDA).seed(3).dropout(0.3).config(config(3, "16-mixed"))
                .checkpoint(new ModelCheckpoint.Params("val/loss", 1, 4, true));
        List<Double> expected;
        float[] expectedWeights;
        try (Trainer t = fixture.build(runs, "full")) {
            t.fit();
            expected = losses(t.runDirectory().metrics());
            expectedWeights = weights(t);
        }
        RunDirectory dir;
        TrainerFixture crashing = new TrainerFixture().device(CUDA).seed(3).dropout(0.3).config(config(3, "16-mixed"))
                .checkpoint(new ModelCheckpoint.Params("val/loss", 1, 4, true)).callback(new CrashAt(9));
        try (Trainer t = crashing.build(runs, "crashed")) {
            dir = t.runDirectory();
            assertThatThrownBy(t::fit).hasMessageContaining("simulated crash");
        }
        // draw from the device generator so that a resume that did not restore it would differ
        Seeds.seed(12345);
        try (Trainer t = fixture.resume(dir, dir.lastCheckpoint(), 8)) {
            t.fit();
            assertThat(losses(dir.metrics())).isEqualTo(expected);
            assertThat(weights(t)).isEqualTo(expectedWeights);
        }
    }
}
