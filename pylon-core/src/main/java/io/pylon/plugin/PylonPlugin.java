package io.pylon.plugin;

/**
 * A jar's contribution of named components, found with {@link java.util.ServiceLoader}: list the
 * implementing class in {@code META-INF/services/io.pylon.plugin.PylonPlugin}. Configs then use the
 * components by name exactly like the built-ins, so a new model or loss needs no change to Pylon itself.
 * Every method defaults to registering nothing, so a plugin overrides only the kinds it adds. Names are
 * global: registering a name that a built-in or another plugin already uses fails loading.
 * Implementations need a public no-argument constructor.
 */
public interface PylonPlugin {

    default void registerModels(ModelRegistrar models) {
    }

    default void registerCriteria(CriterionRegistrar criteria) {
    }

    default void registerMetrics(MetricRegistrar metrics) {
    }

    default void registerCallbacks(CallbackRegistrar callbacks) {
    }

    default void registerDatasets(DatasetRegistrar datasets) {
    }

    default void registerTransforms(TransformRegistrar transforms) {
    }
}
