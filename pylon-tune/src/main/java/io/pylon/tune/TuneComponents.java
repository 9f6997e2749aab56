package io.pylon.tune;

import io.pylon.plugin.StandardComponents;
import io.pylon.registry.Components;
import io.pylon.tune.pruner.Pruners;
import io.pylon.tune.sampler.Samplers;

/**
 * The registry {@code pylon tune} and {@code pylon study} run with: every built-in component of a run, the
 * samplers and pruners, then the plugins (which may add either).
 */
public final class TuneComponents {

    private TuneComponents() {
    }

    public static Components withPlugins() {
        return StandardComponents.withPlugins(builder -> {
            Samplers.registerBuiltIns(builder);
            Pruners.registerBuiltIns(builder);
        });
    }
}
