package io.pylon.trainer;

import java.util.List;

import io.pylon.config.Config;
import io.pylon.criteria.Criterion;
import io.pylon.data.DataPlan;
import io.pylon.data.DataSpec;
import io.pylon.metrics.Direction;
import io.pylon.metrics.Metric;
import io.pylon.metrics.MetricDirections;
import io.pylon.models.Model;
import io.pylon.models.weights.FineTuning;
import io.pylon.optim.Optimizer;
import io.pylon.optim.schedule.LrSchedule;
import io.pylon.optim.schedule.ScheduleContext;
import io.pylon.optim.schedule.ScheduleSettings;
import io.pylon.registry.Bound;
import io.pylon.trainer.callback.Callback;

/**
 * A config fully bound and checked, before anything runs: what {@code pylon config} prints and what
 * {@code pylon train} runs. Made by {@link RunResolver}.
 *
 * @param config the composed config this was resolved from (saved as the run's {@code config.yaml})
 * @param directions the direction of every value the run will report
 * @param scheduleSettings interval, warmup and the value a plateau schedule watches ({@code val/loss})
 * @param scheduleDirection the direction of the monitored value, read from its metric
 * @param callbacks in calling order, defaults included
 */
public record RunSpec(
        Config config,
        ExperimentConfig experiment,
        long seed,
        DataPlan data,
        Bound<DataSpec, Model> model,
        FineTuning fineTuning,
        Bound<Void, Criterion> criterion,
        List<Bound<Void, Metric>> metrics,
        MetricDirections directions,
        Bound<Model, Optimizer> optimizer,
        Bound<ScheduleContext, LrSchedule> schedule,
        ScheduleSettings scheduleSettings,
        Direction scheduleDirection,
        TrainerConfig trainer,
        List<Bound<MetricDirections, Callback>> callbacks) {

    public RunSpec {
        metrics = List.copyOf(metrics);
        callbacks = List.copyOf(callbacks);
    }

    /** Fresh metric instances, one set per split. */
    public List<Metric> createMetrics() {
        return metrics.stream().map(m -> m.create(null)).toList();
    }
}
