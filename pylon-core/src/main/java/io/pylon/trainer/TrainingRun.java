package io.pylon.trainer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.bytedeco.pytorch.Module;

import io.pylon.PylonUserException;
import io.pylon.checkpoint.CheckpointFile;
import io.pylon.config.Config;
import io.pylon.criteria.Criterion;
import io.pylon.criteria.composite.TrainableCriterion;
import io.pylon.data.DataSplits;
import io.pylon.data.Datasets;
import io.pylon.engine.Device;
import io.pylon.engine.Engine;
import io.pylon.engine.EngineOptions;
import io.pylon.engine.Seeds;
import io.pylon.models.Model;
import io.pylon.models.weights.FineTuning;
import io.pylon.optim.Optimizer;
import io.pylon.optim.schedule.Scheduler;
import io.pylon.registry.Components;
import io.pylon.run.MetricsLog;
import io.pylon.run.RunDirectory;
import io.pylon.trainer.callback.Callback;
import io.pylon.trainer.callback.Callbacks;
import io.pylon.trainer.precision.Precision;

/**
 * Builds a {@link Trainer} from a resolved {@link RunSpec}: a new run, or the resumption of an existing one. The
 * run directory is created only once the data is open and every component is built, so a failed start leaves
 * nothing behind.
 */
public final class TrainingRun {

    private TrainingRun() {
    }

    /** Builds the run of {@code spec}, then creates {@code runs/<experiment>/<run>/} and saves the config there. */
    public static Trainer create(RunSpec spec, Clock clock) {
        return create(spec, clock, List.of());
    }

    /**
     * As {@link #create(RunSpec, Clock)}, with {@code extraCallbacks} run after the configured ones
     * (model_checkpoint included): how an application such as a hyperparameter search watches and stops a run
     * it starts, without a config entry for it. They are not saved in checkpoints' callback state.
     */
    public static Trainer create(RunSpec spec, Clock clock, List<Callback> extraCallbacks) {
        Built built = build(spec, false);
        try {
            ExperimentConfig experiment = spec.experiment();
            RunDirectory dir = RunDirectory.create(Path.of(experiment.runsDir()), experiment.name(),
                    experiment.runName(), clock);
            dir.writeConfig(spec.config().toYaml());
            // the vocabulary travels with the run, so generation and evaluation decode as training encoded
            built.data().tokenizer().ifPresent(tokenizer -> tokenizer.save(dir.tokenizer()));
            return new Trainer(built.in(dir, spec.config().toYaml(), extraCallbacks), MetricsLog.append(dir.metrics()));
        } catch (RuntimeException e) {
            built.data().close();
            throw e;
        }
    }

    /**
     * Rebuilds the trainer of {@code runDirectory} from its saved config (plus {@code overrides}, e.g. a larger
     * {@code trainer.max_epochs}), resolved exactly like a new run's, and restores {@code checkpoints/last.ckpt}.
     */
    public static Trainer resume(Path runDirectory, List<String> overrides, Components components) {
        RunDirectory dir = RunDirectory.existing(runDirectory);
        Path checkpoint = dir.lastCheckpoint();
        if (!Files.isRegularFile(checkpoint)) {
            throw new PylonUserException("cannot resume " + runDirectory + ": it has no checkpoints/last.ckpt (the run"
                    + " stopped before its first checkpoint; start it again, or set callbacks model_checkpoint.every_n_steps)");
        }
        RunSpec spec = RunResolver.resolve(Config.load(dir.config(), overrides), components);
        String yaml = spec.config().toYaml();
        CheckpointFile.Contents contents = CheckpointFile.read(checkpoint);
        LoopState at = TrainerCheckpoints.position(checkpoint, contents);
        Built built = build(spec, true);
        try {
            if (!overrides.isEmpty()) {
                dir.writeConfig(yaml);
            }
            Trainer trainer = new Trainer(built.in(dir, yaml, List.of()), MetricsLog.resume(dir.metrics(), at.globalStep()));
            trainer.restore(checkpoint, contents);
            return trainer;
        } catch (RuntimeException e) {
            built.data().close();
            throw e;
        }
    }

    /** Everything but the run directory. */
    private record Built(RunSpec spec, Model model, Criterion criterion, Optimizer optimizer, Scheduler scheduler,
            DataSplits data, Device device) {

        TrainingComponents in(RunDirectory dir, String yaml, List<Callback> extraCallbacks) {
            List<Callback> callbacks = new ArrayList<>(Callbacks.create(spec.callbacks(), spec.directions()));
            callbacks.addAll(extraCallbacks);
            return new TrainingComponents(model, criterion, spec::createMetrics, optimizer, scheduler,
                    spec.scheduleSettings().monitor(), data, device, spec.trainer(), List.copyOf(callbacks), dir, yaml,
                    spec.model().name(), spec.criterion().name());
        }
    }

    /**
     * A fresh folder {@code <runs_dir>/<experiment>/<tool>/<time>/} holding the resolved config, for tools
     * that build a run's components without training it (the finders). Checks device and precision first.
     */
    public static RunDirectory toolDirectory(RunSpec spec, String tool, Clock clock) {
        Precision.create(spec.trainer().precision(), device(spec));
        ExperimentConfig experiment = spec.experiment();
        RunDirectory dir = RunDirectory.create(Path.of(experiment.runsDir()).resolve(experiment.name()), tool, "", clock);
        dir.writeConfig(spec.config().toYaml());
        return dir;
    }

    /** The device {@code spec} trains on (checked to exist). */
    public static Device device(RunSpec spec) {
        Engine.start(new EngineOptions(spec.trainer().threads(), spec.trainer().onednn()));
        return Device.parse(spec.trainer().device()).requireAvailable();
    }

    /** Builds every component of {@code spec} (seeded, on its device) with {@code dir} as run directory. */
    public static TrainingComponents components(RunSpec spec, RunDirectory dir) {
        return build(spec, false).in(dir, spec.config().toYaml(), List.of());
    }

    /** {@code resuming}: the checkpoint will overwrite every weight, so {@code model.weights} is not read again. */
    private static Built build(RunSpec spec, boolean resuming) {
        TrainerConfig trainerConfig = spec.trainer();
        Engine.start(new EngineOptions(trainerConfig.threads(), trainerConfig.onednn()));
        Seeds.seed(spec.seed());
        Device device = Device.parse(trainerConfig.device()).requireAvailable();
        // refused here, before the data opens and before any run directory exists
        Precision.create(trainerConfig.precision(), device);
        DataSplits data = Datasets.open(spec.data(), spec.seed());
        try {
            Model model = spec.model().create(data.spec());
            // pretrained weights and frozen parameters must be in place before the optimizer takes the parameters
            FineTuning fineTuning = spec.fineTuning();
            if (resuming) {
                fineTuning = new FineTuning(Optional.empty(), fineTuning.weightsStrict(), fineTuning.freeze(),
                        fineTuning.unfreeze());
            }
            fineTuning.apply(model);
            Module module = model.module();
            Criterion criterion = spec.criterion().create(null);
            if (criterion instanceof TrainableCriterion trainable) {
                // learnable loss weights train, move and checkpoint with the model (as "criterion.*")
                trainable.parameters().ifPresent(weights -> module.register_module("criterion", weights));
            }
            module.to(device.toTorch(), false);
            Optimizer optimizer = spec.optimizer().create(model);
            long stepsPerEpoch = Math.ceilDiv(data.train().batchesPerEpoch(), trainerConfig.accumulateGradBatches());
            long totalSteps = stepsPerEpoch * trainerConfig.maxEpochs();
            if (trainerConfig.maxSteps() > 0) {
                totalSteps = Math.min(totalSteps, trainerConfig.maxSteps());
            }
            Scheduler scheduler = Scheduler.create(spec.schedule(), spec.scheduleSettings(), optimizer, totalSteps,
                    stepsPerEpoch, spec.scheduleDirection());
            return new Built(spec, model, criterion, optimizer, scheduler, data, device);
        } catch (RuntimeException e) {
            data.close();
            throw e;
        }
    }
}
