package io.pylon.trainer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.bytedeco.pytorch.Module;

import io.pylon.PylonUserException;
import io.pylon.checkpoint.CheckpointFile;
import io.pylon.config.Binder;
import io.pylon.config.Config;
import io.pylon.config.ConfigException;
import io.pylon.config.ConfigNode;
import io.pylon.config.MapNode;
import io.pylon.config.ScalarNode;
import io.pylon.criteria.Criteria;
import io.pylon.criteria.Criterion;
import io.pylon.criteria.composite.TrainableCriterion;
import io.pylon.data.DataConfig;
import io.pylon.data.DataSplits;
import io.pylon.data.Datasets;
import io.pylon.engine.Device;
import io.pylon.engine.Engine;
import io.pylon.engine.EngineOptions;
import io.pylon.engine.Seeds;
import io.pylon.metrics.Metrics;
import io.pylon.models.Model;
import io.pylon.models.Models;
import io.pylon.models.weights.FineTuning;
import io.pylon.optim.OptimConfig;
import io.pylon.optim.Optimizer;
import io.pylon.optim.Optimizers;
import io.pylon.optim.schedule.ScheduleConfig;
import io.pylon.optim.schedule.Scheduler;
import io.pylon.run.MetricsLog;
import io.pylon.run.RunDirectory;
import io.pylon.trainer.callback.Callbacks;
import io.pylon.trainer.precision.Precision;

/** Builds a {@link Trainer} from a resolved config: a new run, or the resumption of an existing one. */
public final class TrainingRun {

    private TrainingRun() {
    }

    /** Creates {@code runs/<experiment>/<run>/}, saves the resolved config there and builds the trainer. */
    public static Trainer create(Config config, Clock clock) {
        RunConfig run = Binder.bind(config.root(), "", RunConfig.class);
        checkDeviceAndPrecision(run.trainer());
        ExperimentConfig experiment = run.experiment();
        RunDirectory dir = RunDirectory.create(Path.of(experiment.runsDir()), experiment.name(), experiment.runName(), clock);
        String yaml = config.toYaml();
        dir.writeConfig(yaml);
        TrainingComponents parts = build(run, yaml, dir, false);
        return new Trainer(parts, MetricsLog.append(dir.metrics()));
    }

    /**
     * Rebuilds the trainer of {@code runDirectory} from its saved config (plus {@code overrides}, e.g. a
     * larger {@code trainer.max_epochs}) and restores {@code checkpoints/last.ckpt}.
     */
    public static Trainer resume(Path runDirectory, List<String> overrides) {
        RunDirectory dir = RunDirectory.existing(runDirectory);
        Path checkpoint = dir.lastCheckpoint();
        if (!Files.isRegularFile(checkpoint)) {
            throw new PylonUserException("cannot resume " + runDirectory + ": it has no checkpoints/last.ckpt (the run"
                    + " stopped before its first checkpoint; start it again, or set callbacks model_checkpoint.every_n_steps)");
        }
        Config config = Config.load(dir.config(), overrides);
        String yaml = config.toYaml();
        if (!overrides.isEmpty()) {
            dir.writeConfig(yaml);
        }
        TrainingComponents parts = build(Binder.bind(config.root(), "", RunConfig.class), yaml, dir, true);
        CheckpointFile.Contents contents = CheckpointFile.read(checkpoint);
        LoopState at = TrainerCheckpoints.position(checkpoint, contents);
        Trainer trainer = new Trainer(parts, MetricsLog.resume(dir.metrics(), at.globalStep()));
        trainer.restore(checkpoint, contents);
        return trainer;
    }

    /**
     * A fresh folder {@code <runs_dir>/<experiment>/<tool>/<time>/} holding the resolved config, for tools
     * that build a run's components without training it (the finders).
     */
    public static RunDirectory toolDirectory(Config config, String tool, Clock clock) {
        RunConfig run = Binder.bind(config.root(), "", RunConfig.class);
        checkDeviceAndPrecision(run.trainer());
        ExperimentConfig experiment = run.experiment();
        RunDirectory dir = RunDirectory.create(Path.of(experiment.runsDir()).resolve(experiment.name()), tool, "", clock);
        dir.writeConfig(config.toYaml());
        return dir;
    }

    /** The device {@code config} trains on (checked to exist). */
    public static Device device(Config config) {
        TrainerConfig trainer = Binder.bind(config.root(), "", RunConfig.class).trainer();
        Engine.start(new EngineOptions(trainer.threads(), trainer.onednn()));
        return Device.parse(trainer.device()).requireAvailable();
    }

    /** Builds every component of {@code config} (seeded, on its device) with {@code dir} as run directory. */
    public static TrainingComponents components(Config config, RunDirectory dir) {
        RunConfig run = Binder.bind(config.root(), "", RunConfig.class);
        return build(run, config.toYaml(), dir, false);
    }

    /**
     * Refuses a device this machine lacks and a precision the device cannot run before anything is written
     * (no run directory for a run that cannot start).
     */
    private static void checkDeviceAndPrecision(TrainerConfig trainer) {
        Engine.start(new EngineOptions(trainer.threads(), trainer.onednn()));
        Device device = Device.parse(trainer.device()).requireAvailable();
        Precision.create(trainer.precision(), device);
    }

    /** {@code resuming}: the checkpoint will overwrite every weight, so {@code model.weights} is not read again. */
    static TrainingComponents build(RunConfig run, String resolvedYaml, RunDirectory dir, boolean resuming) {
        TrainerConfig trainerConfig = run.trainer();
        Engine.start(new EngineOptions(trainerConfig.threads(), trainerConfig.onednn()));
        Seeds.seed(run.seed());
        Device device = Device.parse(trainerConfig.device()).requireAvailable();
        DataSplits data = Datasets.open(Binder.bind(run.data(), "data", DataConfig.class), run.seed());

        String modelName = componentName(run.model(), "model");
        Object modelParams = Binder.bind(FineTuning.modelParams(run.model()).without("name"), "model",
                Models.paramsType(modelName));
        Model model = Models.create(modelName, modelParams, data.spec());
        // pretrained weights and frozen parameters must be in place before the optimizer takes the parameters
        FineTuning fineTuning = FineTuning.from(run.model());
        if (resuming) {
            fineTuning = new FineTuning(Optional.empty(), fineTuning.weightsStrict(), fineTuning.freeze(),
                    fineTuning.unfreeze());
        }
        fineTuning.apply(model);
        Module module = model.module();

        String criterionName = componentName(run.criterion(), "criterion");
        Criterion criterion = Criteria.create(criterionName, run.criterion().without("name"), "criterion");
        if (criterion instanceof TrainableCriterion trainable) {
            // learnable loss weights train, move and checkpoint with the model (as "criterion.*")
            trainable.parameters().ifPresent(weights -> module.register_module("criterion", weights));
        }
        module.to(device.toTorch(), false);
        ConfigNode metricsSection = run.metrics();
        Metrics.create(metricsSection);

        Optimizer optimizer = Optimizers.create(Binder.bind(run.optim(), "optim", OptimConfig.class), model);
        long stepsPerEpoch = ceilDiv(data.train().batchesPerEpoch(), trainerConfig.accumulateGradBatches());
        long totalSteps = stepsPerEpoch * trainerConfig.maxEpochs();
        if (trainerConfig.maxSteps() > 0) {
            totalSteps = Math.min(totalSteps, trainerConfig.maxSteps());
        }
        // "monitor" feeds the plateau schedule; it belongs to the loop, not to the schedule's math
        String scheduleMonitor = run.schedule().get("monitor")
                .map(node -> Binder.<String>bindValue(node, "schedule.monitor", String.class)).orElse("val/loss");
        ScheduleConfig scheduleConfig = Binder.bind(run.schedule().without("monitor"), "schedule", ScheduleConfig.class);
        Scheduler scheduler = Scheduler.create(scheduleConfig, optimizer, totalSteps, stepsPerEpoch);
        return new TrainingComponents(model, criterion, () -> Metrics.create(metricsSection), optimizer, scheduler,
                scheduleMonitor, data, device, trainerConfig, Callbacks.create(run.callbacks()), dir, resolvedYaml);
    }

    private static String componentName(MapNode section, String key) {
        ConfigNode name = section.get("name").orElseThrow(() -> new ConfigException(section.origin(), key + ".name",
                "missing required value (the " + key + " to use)"));
        if (name instanceof ScalarNode s && s.value() instanceof String text) {
            return text;
        }
        throw new ConfigException(name.origin(), key + ".name", "expected a name");
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
