package io.pylon.plugin;

import io.pylon.config.Default;
import io.pylon.criteria.Criteria;
import io.pylon.criteria.Mse;
import io.pylon.data.DatasetFormats;
import io.pylon.data.Datasets;
import io.pylon.data.FashionMnist;
import io.pylon.data.packed.PackedFormat;
import io.pylon.data.transform.Identity;
import io.pylon.data.transform.Transforms;
import io.pylon.metrics.Accuracy;
import io.pylon.metrics.Direction;
import io.pylon.metrics.Metrics;
import io.pylon.models.Mlp;
import io.pylon.models.MlpParams;
import io.pylon.models.Models;
import io.pylon.registry.ComponentKind;
import io.pylon.registry.ComponentRegistrar;
import io.pylon.registry.NoParams;
import io.pylon.trainer.callback.Callbacks;
import io.pylon.trainer.callback.LrMonitor;

/** A test plugin adding one component of every kind, and of a kind Pylon does not know, under {@code plugin_test_}. */
public final class RecordingPlugin implements PylonPlugin {

    /** A kind that exists only in this plugin: new kinds need no new plugin method. */
    public static final ComponentKind<Void, String> GREETING = new ComponentKind<>("greeting", String.class);

    /** Params of the greeting. */
    public record Greeting(@Default("hello") String text) {
    }

    @Override
    public void register(ComponentRegistrar components) {
        components.register(Models.KIND, "plugin_test_mlp", MlpParams.class, Mlp::new);
        components.registerSimple(Criteria.KIND, "plugin_test_loss", Mse.class, p -> p);
        components.registerSimple(Metrics.KIND, "plugin_test_metric", Accuracy.Params.class, Accuracy::new,
                Direction.LOWER_IS_BETTER);
        components.registerSimple(Callbacks.KIND, "plugin_test_callback", LrMonitor.class, p -> p);
        components.register(Datasets.KIND, "plugin_test_data", NoParams.class, (p, request) -> FashionMnist.open(request));
        components.registerSimple(DatasetFormats.KIND, "plugin_test_format", PackedFormat.class,
                p -> { throw new IllegalStateException("not opened in tests"); });
        components.registerSimple(Transforms.KIND, "plugin_test_identity", Identity.class, p -> p);
        components.registerSimple(GREETING, "plugin_test_greeting", Greeting.class, Greeting::text);
    }
}
