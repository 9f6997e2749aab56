package io.pylon.models;

import io.pylon.data.DataSpec;
import io.pylon.models.gpt.Gpt;
import io.pylon.models.gpt.GptParams;
import io.pylon.registry.ComponentKind;
import io.pylon.registry.ComponentRegistrar;

/**
 * The model kind: a {@code model:} section names a model and holds its params; the model is built with the data
 * spec (input shape, classes). Weights come from libtorch's generator (seed it first with
 * {@link io.pylon.engine.Seeds#seed} for reproducible weights).
 */
public final class Models {

    public static final ComponentKind<DataSpec, Model> KIND = new ComponentKind<>("model", Model.class);

    private Models() {
    }

    public static void registerBuiltIns(ComponentRegistrar r) {
        r.register(KIND, "mlp", MlpParams.class, Mlp::new);
        r.register(KIND, "cnn", CnnParams.class, Cnn::new);
        r.register(KIND, "gpt", GptParams.class, Gpt::new);
        r.register(KIND, "resnet", ResNetParams.class, ResNet::new);
        r.register(KIND, "unet2d", UNetParams.class, (p, s) -> UNet.create(p, s, 2));
        r.register(KIND, "unet3d", UNetParams.class, (p, s) -> UNet.create(p, s, 3));
        r.register(KIND, "rsunet3d", RSUNetParams.class, RSUNet::new);
    }
}
