package io.pylon.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.pylon.config.Config;
import io.pylon.config.ConfigException;
import io.pylon.config.MapNode;
import io.pylon.data.DataSpec;
import io.pylon.engine.Device;
import io.pylon.engine.Engine;
import io.pylon.engine.Tensors;
import io.pylon.models.UNet;
import io.pylon.models.UNetParams;
import io.pylon.nn.Activation;
import io.pylon.nn.Norm;
import io.pylon.plugin.StandardComponents;
import io.pylon.registry.ComponentBinder;

class InferenceModesTest {

    @BeforeAll
    static void start() {
        Engine.start();
    }

    private static List<InferenceMode> modes(String yaml) {
        MapNode root = Config.parse(yaml, "test.yaml").root();
        return InferenceModes.chain(new ComponentBinder(StandardComponents.builtIns()), root.get("modes").orElseThrow(),
                "inference.modes");
    }

    @Test
    void ttaOfAnEquivariantModelEqualsThePlainPredictionAndMapsEveryViewBack() {
        VolumePredictor plain = new SlidingWindow(WindowParams.of(List.of(8, 8, 8), 0.25, Blending.GAUSSIAN),
                Device.CPU).over(SlidingWindowTest.perVoxel());
        Tensor volume = SlidingWindowTest.randomVolume(5, 1, 10, 12, 12);
        Tensor expected = plain.predict(volume).probabilities();
        for (String merge : List.of("mean", "max", "min")) {
            InferenceMode tta = modes("modes: [{name: tta, flips: [[0], [1, 2]], rot90: [1, 2, 3], merge: " + merge
                    + "}]").getFirst();
            Tensor merged = tta.wrap(plain, null).predict(volume).probabilities();
            assertThat(SlidingWindowTest.maxAbsDifference(merged, expected)).as(merge).isLessThan(1e-5);
        }
    }

    @Test
    void ttaMeanOfANonEquivariantModelAveragesTheMappedBackViews() {
        // the "model" says where each voxel sits along the last axis: flipping the input and the answer back
        // gives the mirrored ramp, so the mean of the plain and flipped views is the constant (n - 1) / 2
        VolumePredictor ramp = volume -> {
            long[] shape = Tensors.shape(volume);
            Tensor r = torch.arange(new org.bytedeco.pytorch.Scalar(shape[2])).to(torch.ScalarType.Float)
                    .view(1, 1, shape[2]).expand(1, shape[1], shape[2]).contiguous();
            return Prediction.of(r);
        };
        InferenceMode tta = modes("modes: [{name: tta, flips: [[1]]}]").getFirst();
        Tensor merged = tta.wrap(ramp, null).predict(SlidingWindowTest.randomVolume(6, 1, 4, 9)).probabilities();
        for (float v : Tensors.toFloats(merged)) {
            assertThat(v).isEqualTo(4f);
        }
    }

    @Test
    void mcDropoutAveragesStochasticPassesAndWritesAnUncertaintyMap() {
        UNet model = UNet.create(new UNetParams(1, 4, Norm.INSTANCE, 4, Activation.RELU,
                UNetParams.Upsampling.TRANSPOSED, 0.5, false, false), new DataSpec(new long[] {1, 8, 8, 8}, 3), 3);
        model.eval();
        VolumePredictor plain = new SlidingWindow(WindowParams.of(List.of(), 0, Blending.CONSTANT), Device.CPU)
                .over(w -> torch.softmax(model.forward(w), 1));
        Tensor volume = SlidingWindowTest.randomVolume(7, 1, 8, 8, 8);
        try (NoGradGuard guard = new NoGradGuard()) {
            for (String kind : List.of("variance", "entropy")) {
                InferenceMode mc = modes("modes: [{name: mc_dropout, passes: 4, uncertainty: " + kind + "}]")
                        .getFirst();
                Prediction p = mc.wrap(plain, model).predict(volume);
                assertThat(Tensors.shape(p.probabilities())).containsExactly(3, 8, 8, 8);
                assertThat(p.probabilities().sum(new long[] {0}, false, new org.bytedeco.pytorch.ScalarTypeOptional())
                        .sub(new org.bytedeco.pytorch.Scalar(1.0)).abs().max().item_double()).isLessThan(1e-5);
                Tensor map = p.maps().get(kind);
                assertThat(Tensors.shape(map)).containsExactly(8, 8, 8);
                assertThat(map.max().item_double()).as("dropout makes passes differ").isGreaterThan(0);
                assertThat(model.is_training()).as("evaluation mode restored").isFalse();
            }
            // without dropout active every pass agrees: zero variance
            InferenceMode mc = modes("modes: [{name: mc_dropout, passes: 3, uncertainty: variance}]").getFirst();
            UNet noDropout = UNet.create(UNetParams.defaults(), new DataSpec(new long[] {1, 16, 16, 16}, 2), 3);
            noDropout.eval();
            VolumePredictor deterministic = new SlidingWindow(WindowParams.of(List.of(), 0, Blending.CONSTANT),
                    Device.CPU).over(w -> torch.softmax(noDropout.forward(w), 1));
            Prediction p = mc.wrap(deterministic, noDropout).predict(SlidingWindowTest.randomVolume(8, 1, 16, 16, 16));
            assertThat(p.maps().get("variance").max().item_double()).isLessThan(1e-12);
        }
    }

    @Test
    void modeConfigMistakesNameTheKey() {
        assertThatThrownBy(() -> modes("modes: [{name: tta, rot90: [4]}]")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("inference.modes.0").hasMessageContaining("rot90");
        assertThatThrownBy(() -> modes("modes: [{name: mc_dropout, passes: 1}]")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("passes");
        assertThatThrownBy(() -> modes("modes: [{name: nope}]")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("mc_dropout").hasMessageContaining("tta");
    }
}
