package io.pylon.plugin;

import io.pylon.criteria.Criteria;
import io.pylon.criteria.composite.CompositeCriteria;
import io.pylon.data.DatasetFormats;
import io.pylon.data.Datasets;
import io.pylon.data.transform.Transforms;
import io.pylon.metrics.Metrics;
import io.pylon.models.Models;
import io.pylon.optim.Optimizers;
import io.pylon.optim.schedule.Schedules;
import io.pylon.registry.ComponentRegistrar;
import io.pylon.registry.Components;
import io.pylon.trainer.callback.Callbacks;

/**
 * Builds the registry an application runs with: Pylon's built-in components of every kind, then those of the
 * plugins on the class path. Called once at the edge (the CLI's start, a test's set-up); the result is passed
 * down.
 */
public final class StandardComponents {

    private static final Components BUILT_INS = build(null);

    private StandardComponents() {
    }

    /** The built-in components only (immutable, so shared). */
    public static Components builtIns() {
        return BUILT_INS;
    }

    /**
     * The built-ins plus every plugin {@code loader} declares.
     *
     * @throws PluginLoadException naming the plugin and its jar when one fails to load or register
     */
    public static Components withPlugins(ClassLoader loader) {
        return build(loader);
    }

    /** The built-ins plus the plugins of the current thread's context class loader. */
    public static Components withPlugins() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return build(context != null ? context : StandardComponents.class.getClassLoader());
    }

    /** Registers every built-in component. */
    public static void registerBuiltIns(ComponentRegistrar registrar) {
        Models.registerBuiltIns(registrar);
        Criteria.registerBuiltIns(registrar);
        CompositeCriteria.registerBuiltIns(registrar);
        Metrics.registerBuiltIns(registrar);
        Callbacks.registerBuiltIns(registrar);
        Transforms.registerBuiltIns(registrar);
        DatasetFormats.registerBuiltIns(registrar);
        Datasets.registerBuiltIns(registrar);
        Optimizers.registerBuiltIns(registrar);
        Schedules.registerBuiltIns(registrar);
    }

    private static Components build(ClassLoader pluginLoader) {
        Components.Builder builder = Components.builder();
        registerBuiltIns(builder);
        if (pluginLoader != null) {
            Plugins.load(pluginLoader, builder);
        }
        return builder.build();
    }
}
