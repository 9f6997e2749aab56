package io.pylon.trainer.precision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import org.bytedeco.pytorch.LinearImpl;
import org.bytedeco.pytorch.LinearOptions;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.bytedeco.pytorch.global.torch.DeviceType;
import org.bytedeco.pytorch.global.torch.ScalarType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.pylon.PylonUserException;
import io.pylon.engine.Device;
import io.pylon.engine.Engine;
import io.pylon.run.MetricsLog;
import io.pylon.testing.TrainerFixture;
import io.pylon.trainer.Trainer;
import io.pylon.trainer.TrainerConfig;

class MixedPrecisionTest {

    @TempDir
    Path runs;

    static TrainerConfig config(int epochs, String precision) {
        return new TrainerConfig(epochs, 0, "cpu", 1, 1, 0, 1, 0.0, 0.0, false, false, precision, 0);
    }

    static List<Double> stepLosses(Path metrics) {
        return MetricsLog.read(metrics).stream()
                .filter(n -> n.path("split").asText().equals("train") && n.has("loss"))
                .map(n -> n.path("loss").asDouble()).toList();
    }

    @Test
    void autocastRunsLinearLayersInBf16OnTheCpuAndRestoresTheSettingAfter() {
        Engine.start();
        LinearImpl linear = new LinearImpl(new LinearOptions(4, 3));
        Tensor x = torch.randn(2, 4);
        try (Autocast autocast = Autocast.open(DeviceType.CPU, ScalarType.BFloat16)) {
            assertThat(linear.forward(x).scalar_type().value).isEqualTo(ScalarType.BFloat16.value);
            try (Autocast inner = Autocast.open(DeviceType.CPU, ScalarType.BFloat16)) {
                assertThat(Autocast.enabled(DeviceType.CPU)).isTrue();
            }
            assertThat(Autocast.enabled(DeviceType.CPU)).as("inner region restores, not disables").isTrue();
        }
        assertThat(Autocast.enabled(DeviceType.CPU)).isFalse();
        assertThat(linear.forward(x).scalar_type().value).isEqualTo(ScalarType.Float.value);
        // the master weights never changed dtype
        assertThat(linear.weight().scalar_type().value).isEqualTo(ScalarType.Float.value);
    }

    @Test
    void bf16TrainingStaysCloseToFp32AndLearns() {
        List<Double> fp32;
        List<Double> bf16;
        try (Trainer trainer = new TrainerFixture().dropout(0).samples(256).config(config(6, "32")).build(runs, "fp32")) {
            trainer.fit();
            fp32 = stepLosses(trainer.runDirectory().metrics());
        }
        try (Trainer trainer = new TrainerFixture().dropout(0).samples(256).config(config(6, "bf16-mixed"))
                .build(runs, "bf16")) {
            trainer.fit();
            bf16 = stepLosses(trainer.runDirectory().metrics());
            assertThat(trainer.model().module().parameters().get(0).scalar_type().value)
                    .as("weights stay fp32 under bf16 autocast").isEqualTo(ScalarType.Float.value);
            assertThat(trainer.validate().values().get("accuracy")).isGreaterThan(0.6);
        }
        assertThat(bf16).hasSameSizeAs(fp32);
        // bf16 keeps 8 bits of mantissa: the first loss agrees to ~1%, and the runs do not drift apart
        assertThat(bf16.get(0)).isCloseTo(fp32.get(0), org.assertj.core.data.Offset.offset(0.02 * fp32.get(0)));
        assertThat(bf16.get(0)).as("autocast really changed the arithmetic").isNotEqualTo(fp32.get(0));
        double firstBf16 = mean(bf16.subList(0, 5));
        double lastBf16 = mean(bf16.subList(bf16.size() - 5, bf16.size()));
        double lastFp32 = mean(fp32.subList(fp32.size() - 5, fp32.size()));
        assertThat(lastBf16).isLessThan(firstBf16 * 0.6);
        assertThat(lastBf16).isCloseTo(lastFp32, org.assertj.core.data.Offset.offset(0.1 * lastFp32 + 0.02));
    }

    @Test
    void fp16OnTheCpuIsRefusedWithWhatToUseInstead() {
        assertThatThrownBy(() -> Precision.create("16-mixed", Device.CPU))
                .isInstanceOf(PylonUserException.class)
                .hasMessageContaining("trainer.precision").hasMessageContaining("bf16-mixed");
    }

    @Test
    void unknownPrecisionIsAConfigMistakeNamingTheKey() {
        assertThatThrownBy(() -> config(1, "fp8"))
                .hasMessageContaining("must be one of [32, bf16-mixed, 16-mixed], got 'fp8'");
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }
}
