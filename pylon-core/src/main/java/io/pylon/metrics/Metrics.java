package io.pylon.metrics;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import io.pylon.config.Binder;
import io.pylon.config.ComponentList;
import io.pylon.config.ConfigException;
import io.pylon.config.ConfigNode;
import io.pylon.config.ListNode;
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
        List<Metric> metrics = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (ComponentList.Item item : ComponentList.parse(section, "metrics", "metric")) {
            Entry entry;
            try {
                entry = REGISTRY.get(item.name());
            } catch (UnknownNameException e) {
                throw new ConfigException(item.origin(), item.keyPath(), e.getMessage());
            }
            if (!seen.add(item.name())) {
                throw new ConfigException(item.origin(), item.keyPath(), "metric '" + item.name() + "' is listed twice");
            }
            metrics.add(entry.factory().apply(Binder.bind(item.params(), item.keyPath(), entry.params())));
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
