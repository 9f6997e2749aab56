package io.pylon.trainer.callback;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.pylon.config.Binder;
import io.pylon.config.ConfigNode;
import io.pylon.config.Default;
import io.pylon.config.MapNode;
import io.pylon.metrics.MetricDirections;
import io.pylon.registry.Bound;
import io.pylon.registry.ComponentBinder;
import io.pylon.registry.ComponentKind;
import io.pylon.registry.ComponentRegistrar;

/**
 * The callback kind and the {@code callbacks:} list. The built-ins model_summary, nan_guard, metrics_logger,
 * lr_monitor, progress_bar and model_checkpoint are always present unless listed with {@code enabled: false};
 * listing one changes its parameters. model_checkpoint runs last so that the state it saves includes every
 * other callback's update of the same step. Callbacks are built with the directions of the run's metrics,
 * where monitors read theirs.
 */
public final class Callbacks {

    public static final ComponentKind<MetricDirections, Callback> KIND =
            new ComponentKind<>("callback", Callback.class);

    private static final List<String> DEFAULTS =
            List.of("model_summary", "nan_guard", "metrics_logger", "lr_monitor", "progress_bar", "model_checkpoint");
    private static final String LAST = "model_checkpoint";

    private Callbacks() {
    }

    public static void registerBuiltIns(ComponentRegistrar r) {
        r.registerSimple(KIND, "nan_guard", NanGuard.class, p -> p);
        r.registerSimple(KIND, "metrics_logger", MetricsLogger.class, p -> p);
        r.registerSimple(KIND, "lr_monitor", LrMonitor.class, p -> p);
        r.registerSimple(KIND, "progress_bar", ProgressBar.Params.class, ProgressBar::new);
        r.register(KIND, "early_stopping", EarlyStopping.Params.class, EarlyStopping::new);
        r.registerSimple(KIND, "tensorboard", TensorBoard.Params.class, TensorBoard::new);
        r.registerSimple(KIND, ModelSummaryCallback.NAME, ModelSummaryCallback.class, p -> p);
        r.registerSimple(KIND, ProfileCallback.NAME, ProfileCallback.Params.class, ProfileCallback::new);
        r.register(KIND, "model_checkpoint", ModelCheckpoint.Params.class, ModelCheckpoint::new);
        r.registerSimple(KIND, "sample_text", SampleText.Params.class, SampleText::new);
    }

    /** Enabled toggles, bound for each listed callback. */
    private record Toggle(@Default("true") boolean enabled) {
    }

    /**
     * The callbacks of a run, in calling order: {@code section} is the {@code callbacks:} list (null: empty),
     * merged with the default callbacks.
     */
    public static List<Bound<MetricDirections, Callback>> bind(ComponentBinder binder, ConfigNode section) {
        Map<String, ComponentBinder.Section<MetricDirections, Callback>> listed = new LinkedHashMap<>();
        for (ComponentBinder.Section<MetricDirections, Callback> item
                : binder.bindList(KIND, section, "callbacks", Set.of("enabled"), true)) {
            listed.put(item.bound().name(), item);
        }
        List<String> order = new ArrayList<>();
        DEFAULTS.stream().filter(n -> !n.equals(LAST)).forEach(order::add);
        listed.keySet().stream().filter(n -> !order.contains(n) && !n.equals(LAST)).forEach(order::add);
        order.add(LAST);

        List<Bound<MetricDirections, Callback>> callbacks = new ArrayList<>();
        for (String name : order) {
            ComponentBinder.Section<MetricDirections, Callback> item = listed.get(name);
            if (item == null) {
                callbacks.add(binder.bindParams(binder.components().get(KIND, name), MapNode.empty(section.origin()),
                        "callbacks." + name));
            } else if (Binder.bind(item.reserved(), item.bound().keyPath(), Toggle.class).enabled()) {
                callbacks.add(item.bound());
            }
        }
        return callbacks;
    }

    /** Builds bound callbacks. */
    public static List<Callback> create(List<Bound<MetricDirections, Callback>> bound, MetricDirections directions) {
        return bound.stream().map(b -> b.create(directions)).toList();
    }
}
