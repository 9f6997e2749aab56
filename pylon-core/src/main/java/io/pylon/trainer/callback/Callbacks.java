package io.pylon.trainer.callback;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.pylon.config.Binder;
import io.pylon.config.ConfigException;
import io.pylon.config.ConfigNode;
import io.pylon.config.ListNode;
import io.pylon.config.MapNode;
import io.pylon.config.ScalarNode;
import io.pylon.plugin.Plugins;
import io.pylon.registry.Registry;

/**
 * Builds the callbacks of a run from the {@code callbacks:} list. The built-ins model_summary, nan_guard,
 * metrics_logger, lr_monitor, progress_bar and model_checkpoint are always present unless listed with
 * {@code enabled: false}; listing one changes its parameters. model_checkpoint runs last so that the
 * state it saves includes every other callback's update of the same step.
 */
public final class Callbacks {

    private record Entry(Class<? extends Record> params, Function<Record, Callback> factory) {
    }

    private static final Registry<Entry> REGISTRY = new Registry<Entry>("callback")
            .register("nan_guard", new Entry(NanGuard.class, p -> (NanGuard) p))
            .register("metrics_logger", new Entry(MetricsLogger.class, p -> (MetricsLogger) p))
            .register("lr_monitor", new Entry(LrMonitor.class, p -> (LrMonitor) p))
            .register("progress_bar", new Entry(ProgressBar.Params.class, p -> new ProgressBar((ProgressBar.Params) p)))
            .register("early_stopping", new Entry(EarlyStopping.Params.class,
                    p -> new EarlyStopping((EarlyStopping.Params) p)))
            .register(ModelSummaryCallback.NAME, new Entry(ModelSummaryCallback.class, p -> (ModelSummaryCallback) p))
            .register(ProfileCallback.NAME, new Entry(ProfileCallback.Params.class,
                    p -> new ProfileCallback((ProfileCallback.Params) p)))
            .register("model_checkpoint", new Entry(ModelCheckpoint.Params.class,
                    p -> new ModelCheckpoint((ModelCheckpoint.Params) p)));

    private static final List<String> DEFAULTS =
            List.of("model_summary", "nan_guard", "metrics_logger", "lr_monitor", "progress_bar", "model_checkpoint");
    private static final String LAST = "model_checkpoint";

    private Callbacks() {
    }

    public static Registry<?> registry() {
        Plugins.loadOnce();
        return REGISTRY;
    }

    /** Adds a callback (plugins); it runs when listed under {@code callbacks:}. A name can be registered once. */
    public static <P extends Record> void register(String name, Class<P> params, Function<? super P, Callback> factory) {
        REGISTRY.register(name, new Entry(params, p -> factory.apply(params.cast(p))));
    }

    /** {@code section} is the {@code callbacks:} list (or absent: an empty list). */
    public static List<Callback> create(ConfigNode section) {
        Plugins.loadOnce();
        Map<String, MapNode> listed = new LinkedHashMap<>();
        List<ConfigNode> items = section instanceof ListNode list ? list.items() : List.of();
        if (!(section instanceof ListNode) && !(section instanceof ScalarNode s && s.value() == null)) {
            throw new ConfigException(section.origin(), "callbacks", "expected a list of {name: ..., ...} entries");
        }
        for (int i = 0; i < items.size(); i++) {
            String path = "callbacks[" + i + "]";
            if (!(items.get(i) instanceof MapNode entry)) {
                throw new ConfigException(items.get(i).origin(), path, "expected a map with a name key");
            }
            String name = nameOf(entry, path);
            if (listed.put(name, entry) != null) {
                throw new ConfigException(entry.origin(), path, "callback '" + name + "' is listed twice");
            }
        }
        List<String> order = new ArrayList<>();
        DEFAULTS.stream().filter(n -> !n.equals(LAST)).forEach(order::add);
        listed.keySet().stream().filter(n -> !order.contains(n) && !n.equals(LAST)).forEach(order::add);
        order.add(LAST);

        List<Callback> callbacks = new ArrayList<>();
        for (String name : order) {
            MapNode entry = listed.get(name);
            MapNode params = entry == null ? new MapNode(Map.of(), section.origin()) : entry.without("name");
            if (isDisabled(params, name)) {
                continue;
            }
            Entry factory = REGISTRY.get(name);
            String path = "callbacks." + name;
            callbacks.add(factory.factory().apply(Binder.bind(params.without("enabled"), path, factory.params())));
        }
        return callbacks;
    }

    private static String nameOf(MapNode entry, String path) {
        ConfigNode name = entry.get("name").orElseThrow(() -> new ConfigException(entry.origin(), path + ".name",
                "missing required value (one of: " + String.join(", ", REGISTRY.names()) + ")"));
        if (!(name instanceof ScalarNode s) || !(s.value() instanceof String text)) {
            throw new ConfigException(name.origin(), path + ".name", "expected a callback name");
        }
        if (!REGISTRY.names().contains(text)) {
            throw new ConfigException(name.origin(), path + ".name", "unknown callback '" + text + "'; known: "
                    + String.join(", ", REGISTRY.names()));
        }
        return text;
    }

    private static boolean isDisabled(MapNode params, String name) {
        return params.get("enabled").map(n -> {
            if (n instanceof ScalarNode s && s.value() instanceof Boolean b) {
                return !b;
            }
            throw new ConfigException(n.origin(), "callbacks." + name + ".enabled", "expected true or false");
        }).orElse(false);
    }
}
