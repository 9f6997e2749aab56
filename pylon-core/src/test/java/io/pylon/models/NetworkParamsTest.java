package io.pylon.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.pylon.testing.TestComponents;
import io.pylon.config.Binder;
import io.pylon.config.YamlReader;
import io.pylon.data.DataSpec;
import io.pylon.nn.Activation;
import io.pylon.nn.Norm;

/**
 * The UNet, RSUNet and ResNet params bind from YAML (defaults, snake_case keys, enum and list values), and the
 * factories meant for the {@link Models} registry build the models.
 */
class NetworkParamsTest {

    private static <R extends Record> R bind(String yaml, Class<R> type) {
        return Binder.bind(YamlReader.readDocument(yaml, "model.yaml"), "model", type);
    }

    @Test
    void emptySectionsBindToTheDefaults() {
        assertThat(bind("{}\n", UNetParams.class)).isEqualTo(UNetParams.defaults());
        assertThat(bind("{}\n", RSUNetParams.class)).isEqualTo(RSUNetParams.defaults());
        assertThat(bind("{}\n", ResNetParams.class)).isEqualTo(ResNetParams.defaults());
    }

    @Test
    void everyKeyBinds() {
        UNetParams unet = bind("""
                depth: 3
                width: 16
                norm: group
                groups: 4
                activation: leaky_relu
                upsampling: interpolate
                dropout: 0.1
                residual: true
                deep_supervision: true
                """, UNetParams.class);
        assertThat(unet).isEqualTo(new UNetParams(3, 16, Norm.GROUP, 4, Activation.LEAKY_RELU,
                UNetParams.Upsampling.INTERPOLATE, 0.1, true, true));

        RSUNetParams rsunet = bind("""
                channels: [8, 16]
                isotropy: [false, true]
                norm: instance
                activation: gelu
                """, RSUNetParams.class);
        assertThat(rsunet).isEqualTo(new RSUNetParams(List.of(8, 16), List.of(false, true), Norm.INSTANCE, 4,
                Activation.GELU));

        ResNetParams resnet = bind("depth: 34\nstem: imagenet\nwidth: 32\n", ResNetParams.class);
        assertThat(resnet).isEqualTo(new ResNetParams(34, ResNetParams.Stem.IMAGENET, 32));
    }

    @Test
    void registryFactoriesBuildTheModels() {
        DataSpec image = new DataSpec(new long[] {1, 16, 16}, 2);
        DataSpec volume = new DataSpec(new long[] {1, 16, 16, 16}, 2);
        UNetParams small = new UNetParams(2, 2, Norm.BATCH, 1, Activation.RELU, UNetParams.Upsampling.TRANSPOSED, 0,
                false, true);
        assertThat(TestComponents.model("unet2d", small, image))
                .isInstanceOf(MultiOutputModel.class);
        assertThat(TestComponents.model("unet3d", small, volume))
                .isInstanceOf(UNet.class);
        assertThat(TestComponents.model("rsunet3d",
                new RSUNetParams(List.of(2), List.of(false), Norm.BATCH, 1, Activation.RELU), volume))
                .isInstanceOf(RSUNet.class);
        assertThat(TestComponents.model("resnet", new ResNetParams(18,
                ResNetParams.Stem.CIFAR, 2), image)).isInstanceOf(ResNet.class);
    }
}
