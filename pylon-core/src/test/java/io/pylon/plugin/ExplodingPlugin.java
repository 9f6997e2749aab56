package io.pylon.plugin;

import io.pylon.registry.ComponentRegistrar;

/** A test plugin whose constructor fails, as a plugin built against another Pylon version might. */
public final class ExplodingPlugin implements PylonPlugin {

    public ExplodingPlugin() {
        throw new IllegalStateException("boom in constructor");
    }

    @Override
    public void register(ComponentRegistrar components) {
    }
}
