package io.pylon.plugin;

import io.pylon.criteria.Mse;
import io.pylon.data.FashionMnist;
import io.pylon.data.transform.Identity;
import io.pylon.metrics.Accuracy;
import io.pylon.metrics.Direction;
import io.pylon.models.Mlp;
import io.pylon.models.MlpParams;
import io.pylon.models.ModelFactory;
import io.pylon.trainer.callback.LrMonitor;

/** A test plugin adding one component of every kind under a {@code plugin_test_} name. */
public final class RecordingPlugin implements PylonPlugin {

    @Override
    public void registerModels(ModelRegistrar models) {
        models.register("plugin_test_mlp", new ModelFactory<>(MlpParams.class, Mlp::new));
    }

    @Override
    public void registerCriteria(CriterionRegistrar criteria) {
        criteria.register("plugin_test_loss", Mse.class, p -> p);
    }

    @Override
    public void registerMetrics(MetricRegistrar metrics) {
        metrics.register("plugin_test_metric", Accuracy.Params.class, Accuracy::new, Direction.LOWER_IS_BETTER);
    }

    @Override
    public void registerCallbacks(CallbackRegistrar callbacks) {
        callbacks.register("plugin_test_callback", LrMonitor.class, p -> p);
    }

    @Override
    public void registerDatasets(DatasetRegistrar datasets) {
        datasets.register("plugin_test_data", FashionMnist::open);
    }

    @Override
    public void registerTransforms(TransformRegistrar transforms) {
        transforms.register("plugin_test_identity", Identity.class, p -> p);
    }
}
