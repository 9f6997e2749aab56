package io.pylon.trainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.bytedeco.pytorch.global.torch.ScalarType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.pylon.PylonUserException;
import io.pylon.criteria.CrossEntropy;
import io.pylon.data.DataSpec;
import io.pylon.engine.Engine;
import io.pylon.engine.StepScope;
import io.pylon.models.Model;
import io.pylon.models.UNet;
import io.pylon.models.UNetParams;
import io.pylon.nn.Activation;
import io.pylon.nn.Norm;
import io.pylon.testing.TinyModel;

class ModelStepTest {

    @BeforeAll
    static void engine() {
        Engine.start();
    }

    @Test
    void uint8VolumeFedToUnet3dNamesTheDtypeAndTheTransformToAdd() {
        // what the registered unet3d builds
        Model unet = UNet.create(new UNetParams(2, 4, Norm.BATCH, 2, Activation.RELU,
                UNetParams.Upsampling.TRANSPOSED, 0.0, false, false), new DataSpec(new long[] {1, 8, 8, 8}, 2), 3);
        try (StepScope scope = new StepScope()) {
            Tensor volume = torch.randint(255, new long[] {2, 1, 8, 8, 8}).to(ScalarType.Byte);
            Tensor labels = torch.randint(2, new long[] {2, 8, 8, 8});

            assertThatThrownBy(() -> ModelStep.run(unet, new CrossEntropy(0.0), volume, labels))
                    .isInstanceOf(PylonUserException.class)
                    .hasMessageContaining("the batch input is uint8 [2, 1, 8, 8, 8]")
                    .hasMessageContaining("to_float");
        }
    }

    @Test
    void floatInputRunsAndInt64ErrorsOtherThanDtypeGoOnUnchanged() {
        TinyModel model = new TinyModel(4, 8, 3, 0.0);
        try (StepScope scope = new StepScope()) {
            ModelStep step = ModelStep.run(model, new CrossEntropy(0.0), torch.randn(5, 4), torch.randint(3, new long[] {5}));
            assertThat(step.loss().item_double()).isPositive();
            // int16 pixels into a linear layer: named as such
            assertThatThrownBy(() -> ModelStep.run(model, new CrossEntropy(0.0),
                    torch.randint(9, new long[] {5, 4}).to(ScalarType.Short), torch.randint(3, new long[] {5})))
                    .isInstanceOf(PylonUserException.class).hasMessageContaining("int16 [5, 4]");
            // a wrong feature count with float input is not a dtype problem: libtorch's error stays
            assertThatThrownBy(() -> ModelStep.run(model, new CrossEntropy(0.0), torch.randn(5, 7),
                    torch.randint(3, new long[] {5}))).isNotInstanceOf(PylonUserException.class);
        }
    }
}
