package io.pylon.plugin;

import io.pylon.models.Mlp;
import io.pylon.models.MlpParams;
import io.pylon.models.ModelFactory;

/** A test plugin that tries to replace the built-in {@code mlp}, which must fail. */
public final class ShadowingPlugin implements PylonPlugin {

    @Override
    public void registerModels(ModelRegistrar models) {
        models.register("mlp", new ModelFactory<>(MlpParams.class, Mlp::new));
    }
}
