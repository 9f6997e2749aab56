package io.pylon.trainer;

import java.util.List;
import java.util.function.Supplier;

import io.pylon.criteria.Criterion;
import io.pylon.data.DataSplits;
import io.pylon.engine.Device;
import io.pylon.metrics.Metric;
import io.pylon.models.Model;
import io.pylon.optim.Optimizer;
import io.pylon.optim.schedule.Scheduler;
import io.pylon.run.RunDirectory;
import io.pylon.trainer.callback.Callback;

/**
 * Everything a {@link Trainer} runs with, already built and on its device.
 *
 * @param metrics makes a fresh set of metric instances (one per split)
 * @param scheduleMonitor monitor key fed to a plateau schedule after each validation, e.g. {@code val/loss}
 * @param resolvedConfig the resolved YAML, stored in every checkpoint
 * @param modelName the model's config name, for errors
 * @param criterionName the loss's config name, for errors
 */
public record TrainingComponents(
        Model model,
        Criterion criterion,
        Supplier<List<Metric>> metrics,
        Optimizer optimizer,
        Scheduler scheduler,
        String scheduleMonitor,
        DataSplits data,
        Device device,
        TrainerConfig config,
        List<Callback> callbacks,
        RunDirectory runDirectory,
        String resolvedConfig,
        String modelName,
        String criterionName) {

    /** Components named after their classes (tests and benchmarks that build them by hand). */
    public TrainingComponents(Model model, Criterion criterion, Supplier<List<Metric>> metrics, Optimizer optimizer,
            Scheduler scheduler, String scheduleMonitor, DataSplits data, Device device, TrainerConfig config,
            List<Callback> callbacks, RunDirectory runDirectory, String resolvedConfig) {
        this(model, criterion, metrics, optimizer, scheduler, scheduleMonitor, data, device, config, callbacks,
                runDirectory, resolvedConfig, model.getClass().getSimpleName(), criterion.getClass().getSimpleName());
    }
}
