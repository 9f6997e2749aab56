package io.pylon.trainer;

import java.util.List;

import io.pylon.config.Binder;
import io.pylon.config.Config;
import io.pylon.config.ConfigException;
import io.pylon.config.MapNode;
import io.pylon.config.Navigation;
import io.pylon.config.Origin;
import io.pylon.config.ScalarNode;
import io.pylon.criteria.Criteria;
import io.pylon.criteria.Criterion;
import io.pylon.data.DataPlan;
import io.pylon.data.DataSpec;
import io.pylon.data.Datasets;
import io.pylon.metrics.Direction;
import io.pylon.metrics.Metric;
import io.pylon.metrics.MetricDirections;
import io.pylon.metrics.Metrics;
import io.pylon.metrics.Monitoring;
import io.pylon.models.Model;
import io.pylon.models.Models;
import io.pylon.models.weights.FineTuning;
import io.pylon.optim.Optimizer;
import io.pylon.optim.Optimizers;
import io.pylon.optim.schedule.LrSchedule;
import io.pylon.optim.schedule.ScheduleContext;
import io.pylon.optim.schedule.ScheduleSettings;
import io.pylon.optim.schedule.Schedules;
import io.pylon.registry.Bound;
import io.pylon.registry.ComponentBinder;
import io.pylon.registry.Components;
import io.pylon.trainer.callback.Callback;
import io.pylon.trainer.callback.Callbacks;

/**
 * Turns a composed config into a {@link RunSpec}: every section bound, every component's params validated,
 * every monitor checked against the metrics the run computes. Pure: it starts no engine, opens no data and
 * touches no file, so {@code pylon config} and {@code pylon train} reject exactly the same configs, and a
 * rejected {@code train} leaves nothing behind.
 */
public final class RunResolver {

    /** The optimizer of an {@code optim:} section that names none. */
    static final String DEFAULT_OPTIMIZER = "adamw";

    private RunResolver() {
    }

    private static MapNode withDefaultName(MapNode section, String name) {
        return section.get("name").isPresent() ? section
                : section.with("name", new ScalarNode(name, Origin.described("the default " + name)));
    }

    /**
     * @throws ConfigException at the file:line and key of the first mistake
     */
    public static RunSpec resolve(Config config, Components components) {
        ComponentBinder binder = new ComponentBinder(components);
        RunConfig run = Binder.bind(config.root(), "", RunConfig.class);
        DataPlan data = Datasets.resolve(binder, run.data());

        FineTuning fineTuning = FineTuning.from(run.model());
        Bound<DataSpec, Model> model = binder.bind(Models.KIND, FineTuning.modelParams(run.model()), "model");
        Bound<Void, Criterion> criterion = binder.bind(Criteria.KIND, run.criterion(), "criterion");
        List<Bound<Void, Metric>> metrics = binder.bindList(Metrics.KIND, run.metrics(), "metrics", true);
        MetricDirections directions = MetricDirections.of(metrics);
        Bound<Model, Optimizer> optimizer = binder.bind(Optimizers.KIND, withDefaultName(run.optim(), DEFAULT_OPTIMIZER),
                "optim");

        // interval, warmup and monitor belong to the learning-rate loop, not to the schedule's math
        ComponentBinder.Section<ScheduleContext, LrSchedule> schedule = binder.bind(Schedules.KIND,
                withDefaultName(run.schedule(), Schedules.DEFAULT), "schedule", ScheduleSettings.KEYS);
        ScheduleSettings settings = Binder.bind(schedule.reserved(), "schedule", ScheduleSettings.class);
        Direction scheduleDirection = checkMonitor(directions, settings.monitor(),
                schedule.reserved().get("monitor").orElse(run.schedule()).origin(), "schedule.monitor");

        List<Bound<MetricDirections, Callback>> callbacks = Callbacks.bind(binder, run.callbacks());
        for (Bound<MetricDirections, Callback> callback : callbacks) {
            if (callback.params() instanceof Monitoring monitoring) {
                for (Monitoring.MonitorKey key : monitoring.monitorKeys()) {
                    checkMonitor(directions, key.key(), callback.originOf(key.configKey()),
                            Navigation.child(callback.keyPath(), key.configKey()));
                }
            }
        }
        return new RunSpec(config, run.experiment(), run.seed(), data, model, fineTuning, criterion, metrics,
                directions, optimizer, schedule.bound(), settings, scheduleDirection, run.trainer(), callbacks);
    }

    private static Direction checkMonitor(MetricDirections directions, String key, Origin at, String keyPath) {
        try {
            return directions.of(key);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(at, keyPath, e.getMessage());
        }
    }
}
