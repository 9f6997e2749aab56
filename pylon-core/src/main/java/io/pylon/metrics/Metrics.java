package io.pylon.metrics;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import io.pylon.config.Binder;
import io.pylon.config.ConfigException;
import io.pylon.config.ConfigNode;
import io.pylon.config.ListNode;
import io.pylon.config.MapNode;
import io.pylon.config.Origin;
import io.pylon.config.ScalarNode;
import io.pylon.plugin.Plugins;
import io.pylon.registry.Registry;
import io.pylon.registry.UnknownNameException;

/**
 * Builds the metrics of the {@code metrics:} section, a list whose items are a name ({@code accuracy}) or a map
 * with a {@code name} and the metric's parameters ({@code {name: f1, num_classes: 10}}), and resolves the direction
 * of a metric key ({@code f1/macro}: the metric is the part before the first slash).
 */
public final class Metrics {

    private record Entry(Class<? extends Record> params, Function<Record, Metric> factory, Direction direction) {
    }

    private static final Registry<Entry> REGISTRY = new Registry<Entry>("metric")
            .register("accuracy", new Entry(Accuracy.Params.class, p -> new Accuracy((Accuracy.Params) p),
                    Direction.HIGHER_IS_BETTER))
            .register("top_k_accuracy", new Entry(TopKAccuracy.Params.class,
                    p -> new TopKAccuracy((TopKAccuracy.Params) p), Direction.HIGHER_IS_BETTER))
            .register("confusion_matrix", new Entry(ClassCountParams.class,
                    p -> new ConfusionMatrix((ClassCountParams) p), Direction.HIGHER_IS_BETTER))
            .register("precision", new Entry(ClassCountParams.class, p -> new Precision((ClassCountParams) p),
                    Direction.HIGHER_IS_BETTER))
            .register("recall", new Entry(ClassCountParams.class, p -> new Recall((ClassCountParams) p),
                    Direction.HIGHER_IS_BETTER))
            .register("f1", new Entry(ClassCountParams.class, p -> new F1((ClassCountParams) p),
                    Direction.HIGHER_IS_BETTER))
            .register("auroc", new Entry(Auroc.Params.class, p -> new Auroc((Auroc.Params) p),
                    Direction.HIGHER_IS_BETTER))
            .register("dice", new Entry(SegmentationParams.class, p -> new Dice((SegmentationParams) p),
                    Direction.HIGHER_IS_BETTER))
            .register("iou", new Entry(SegmentationParams.class, p -> new Iou((SegmentationParams) p),
                    Direction.HIGHER_IS_BETTER))
            .register("hd95", new Entry(SurfaceParams.class, p -> new Hausdorff95((SurfaceParams) p),
                    Direction.LOWER_IS_BETTER))
            .register("assd", new Entry(SurfaceParams.class, p -> new Assd((SurfaceParams) p),
                    Direction.LOWER_IS_BETTER))
            .register("perplexity", new Entry(TokenParams.class, p -> new Perplexity((TokenParams) p),
                    Direction.LOWER_IS_BETTER))
            .register("bpc", new Entry(TokenParams.class, p -> new BitsPerCharacter((TokenParams) p),
                    Direction.LOWER_IS_BETTER));

    private Metrics() {
    }

    /** Metrics by name with default parameters (a metric with a required parameter fails, naming it). */
    public static List<Metric> create(List<String> names) {
        List<ConfigNode> items = new ArrayList<>();
        for (String name : names) {
            items.add(new ScalarNode(name, Origin.described("metric name")));
        }
        return create(new ListNode(items, Origin.described("metric names")));
    }

    /**
     * The metrics of a {@code metrics:} section; a null section means none. Errors (unknown name, missing or
     * invalid parameter, a metric listed twice) are {@link ConfigException}s naming the file and line.
     */
    public static List<Metric> create(ConfigNode section) {
        Plugins.loadOnce();
        if (section instanceof ScalarNode scalar && scalar.isNull()) {
            return List.of();
        }
        if (!(section instanceof ListNode list)) {
            throw new ConfigException(section.origin(), "metrics",
                    "must be a list of metric names or {name: ..., <params>} maps");
        }
        List<Metric> metrics = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < list.items().size(); i++) {
            ConfigNode item = list.items().get(i);
            String keyPath = "metrics." + i;
            String name;
            MapNode params;
            if (item instanceof ScalarNode scalar && scalar.value() instanceof String text) {
                name = text;
                params = MapNode.empty(item.origin());
            } else if (item instanceof MapNode map) {
                ConfigNode nameNode = map.get("name").orElseThrow(() -> new ConfigException(map.origin(),
                        keyPath + ".name", "missing required value (the metric to use)"));
                if (!(nameNode instanceof ScalarNode s && s.value() instanceof String text)) {
                    throw new ConfigException(nameNode.origin(), keyPath + ".name", "must be a metric name");
                }
                name = text;
                params = map.without("name");
            } else {
                throw new ConfigException(item.origin(), keyPath,
                        "must be a metric name or a {name: ..., <params>} map");
            }
            Entry entry;
            try {
                entry = REGISTRY.get(name);
            } catch (UnknownNameException e) {
                throw new ConfigException(item.origin(), keyPath, e.getMessage());
            }
            if (!seen.add(name)) {
                throw new ConfigException(item.origin(), keyPath, "metric '" + name + "' is listed twice");
            }
            metrics.add(entry.factory().apply(Binder.bind(params, keyPath, entry.params())));
        }
        return metrics;
    }

    /**
     * Direction of a metric key such as {@code accuracy}, {@code f1/macro} or {@code hd95/class_2}: that of the
     * metric named before the first slash; {@code loss} is always lower-is-better.
     *
     * @throws UnknownNameException for a key of no registered metric
     */
    public static Direction direction(String key) {
        Plugins.loadOnce();
        if (key.equals("loss")) {
            return Direction.LOWER_IS_BETTER;
        }
        int slash = key.indexOf('/');
        return REGISTRY.get(slash < 0 ? key : key.substring(0, slash)).direction();
    }

    public static Registry<?> registry() {
        Plugins.loadOnce();
        return REGISTRY;
    }

    /** Adds a metric (plugins); a name can be registered once. */
    public static <P extends Record> void register(String name, Class<P> params, Function<? super P, Metric> factory,
            Direction direction) {
        REGISTRY.register(name, new Entry(params, p -> factory.apply(params.cast(p)), direction));
    }
}
