package io.pylon.testing;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.pylon.config.Binder;
import io.pylon.config.Config;
import io.pylon.config.ConfigNode;
import io.pylon.config.ListNode;
import io.pylon.config.MapNode;
import io.pylon.config.Origin;
import io.pylon.config.ScalarNode;
import io.pylon.criteria.Criteria;
import io.pylon.criteria.Criterion;
import io.pylon.data.DataConfig;
import io.pylon.data.DataSpec;
import io.pylon.data.DataSplits;
import io.pylon.data.Dataset;
import io.pylon.data.DatasetFormats;
import io.pylon.data.Datasets;
import io.pylon.data.TransformChains;
import io.pylon.data.transform.Transform;
import io.pylon.data.transform.Transforms;
import io.pylon.engine.Engine;
import io.pylon.metrics.Direction;
import io.pylon.metrics.Metric;
import io.pylon.metrics.MetricDirections;
import io.pylon.metrics.Metrics;
import io.pylon.models.Model;
import io.pylon.models.Models;
import io.pylon.optim.Optimizer;
import io.pylon.optim.schedule.LrSchedule;
import io.pylon.optim.schedule.ScheduleContext;
import io.pylon.optim.schedule.ScheduleSettings;
import io.pylon.optim.schedule.Scheduler;
import io.pylon.optim.schedule.Schedules;
import io.pylon.plugin.StandardComponents;
import io.pylon.registry.ComponentBinder;
import io.pylon.registry.Components;
import io.pylon.trainer.RunResolver;
import io.pylon.trainer.Trainer;
import io.pylon.trainer.TrainingRun;
import io.pylon.trainer.callback.Callback;
import io.pylon.trainer.callback.Callbacks;

/** The built-in registry, and short ways for tests to build components from it the way a config would. */
public final class TestComponents {

    public static final Components BUILT_INS = StandardComponents.builtIns();
    public static final ComponentBinder BINDER = new ComponentBinder(BUILT_INS);

    private TestComponents() {
    }

    /** Model {@code name} from an already-bound params record (starts the engine). */
    public static Model model(String name, Record params, DataSpec spec) {
        Engine.start();
        return BUILT_INS.get(Models.KIND, name).create(params, spec);
    }

    public static Class<? extends Record> modelParams(String name) {
        return BUILT_INS.get(Models.KIND, name).paramsType();
    }

    /** Loss {@code name} from its section without the name. */
    public static Criterion criterion(String name, MapNode params, String keyPath) {
        return BINDER.bindParams(BUILT_INS.get(Criteria.KIND, name), params, keyPath).create(null);
    }

    /** A loss from a whole {@code {name: ..., ...}} section. */
    public static Criterion criterion(ConfigNode section, String keyPath) {
        return BINDER.bind(Criteria.KIND, section, keyPath).create(null);
    }

    /** The metrics of a {@code metrics:} section. */
    public static List<Metric> metrics(ConfigNode section) {
        return BINDER.bindList(Metrics.KIND, section, "metrics", true).stream().map(b -> b.create(null)).toList();
    }

    /** Metrics by name with default parameters. */
    public static List<Metric> metrics(List<String> names) {
        return metrics(new ListNode(names.stream().<ConfigNode>map(n -> new ScalarNode(n, Origin.described("metric name")))
                .toList(), Origin.described("metric names")));
    }

    /** Transform {@code name} from its section without the name. */
    public static Transform transform(String name, MapNode params, String keyPath) {
        return BINDER.bindParams(BUILT_INS.get(Transforms.KIND, name), params, keyPath).create(null);
    }

    /** The directions of every built-in metric. */
    public static MetricDirections directions() {
        Map<String, Direction> byMetric = new LinkedHashMap<>();
        for (String name : BUILT_INS.names(Metrics.KIND)) {
            byMetric.put(name, BUILT_INS.get(Metrics.KIND, name).trait(Direction.class).orElseThrow());
        }
        return new MetricDirections(byMetric);
    }

    /** Dataset format {@code name} opened from a split section. */
    public static Dataset format(String name, MapNode section, String keyPath) {
        return BINDER.bindParams(BUILT_INS.get(DatasetFormats.KIND, name), section, keyPath).create(null);
    }

    /** Opens the data of a bound {@code data:} config. */
    public static DataSplits open(DataConfig config, long seed) {
        return Datasets.open(Datasets.plan(BINDER, config, Origin.described("test data config")), seed);
    }

    /** The transform chains of a data config. */
    public static TransformChains chains(DataConfig config) {
        return TransformChains.of(BINDER, config);
    }

    /** Resolves {@code config} against the built-ins and starts its run. */
    public static Trainer startRun(Config config, Clock clock) {
        return TrainingRun.create(RunResolver.resolve(config, BUILT_INS), clock);
    }

    /** A scheduler from a {@code schedule:} section ({@code {name: cosine, warmup_steps: 2}}). */
    public static Scheduler scheduler(String section, Optimizer optimizer, long totalSteps, long stepsPerEpoch) {
        ComponentBinder.Section<ScheduleContext, LrSchedule> bound = BINDER.bind(Schedules.KIND,
                Config.parse("schedule: " + section, "schedule.yaml").find("schedule").orElseThrow(), "schedule",
                ScheduleSettings.KEYS);
        return Scheduler.create(bound.bound(), Binder.bind(bound.reserved(), "schedule", ScheduleSettings.class),
                optimizer, totalSteps, stepsPerEpoch, Direction.LOWER_IS_BETTER);
    }

    /** The callbacks of a {@code callbacks:} section, defaults included. */
    public static List<Callback> callbacks(ConfigNode section) {
        return Callbacks.create(Callbacks.bind(BINDER, section), directions());
    }
}
