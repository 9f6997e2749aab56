package io.pylon.plugin;

import io.pylon.models.Mlp;
import io.pylon.models.MlpParams;
import io.pylon.models.Models;
import io.pylon.registry.ComponentRegistrar;

/** A test plugin that tries to replace the built-in {@code mlp}, which must fail. */
public final class ShadowingPlugin implements PylonPlugin {

    @Override
    public void register(ComponentRegistrar components) {
        components.register(Models.KIND, "mlp", MlpParams.class, Mlp::new);
    }
}
