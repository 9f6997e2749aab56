package io.pylon.plugin;

import io.pylon.criteria.Criteria;
import io.pylon.data.Datasets;
import io.pylon.data.transform.Transforms;
import io.pylon.metrics.Metrics;
import io.pylon.models.Models;
import io.pylon.trainer.callback.Callbacks;

/**
 * Where plugins register, one registrar per kind. {@link #global} writes into Pylon's registries; tests
 * and hosts that inspect a plugin pass their own so that nothing global changes.
 */
public record Registrars(ModelRegistrar models, CriterionRegistrar criteria, MetricRegistrar metrics,
        CallbackRegistrar callbacks, DatasetRegistrar datasets, TransformRegistrar transforms) {

    /** The registries that configs resolve names in. */
    public static Registrars global() {
        return new Registrars(Models::register, Criteria::register, Metrics::register, Callbacks::register,
                Datasets::register, Transforms::register);
    }

    void install(PylonPlugin plugin) {
        plugin.registerModels(models);
        plugin.registerCriteria(criteria);
        plugin.registerMetrics(metrics);
        plugin.registerCallbacks(callbacks);
        plugin.registerDatasets(datasets);
        plugin.registerTransforms(transforms);
    }
}
