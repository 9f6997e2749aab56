package io.pylon.testing;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import io.pylon.criteria.Criterion;
import io.pylon.criteria.CrossEntropy;
import io.pylon.data.DataSplits;
import io.pylon.engine.Device;
import io.pylon.engine.Engine;
import io.pylon.engine.EngineOptions;
import io.pylon.engine.Seeds;
import io.pylon.optim.OptimConfig;
import io.pylon.optim.Optimizer;
import io.pylon.optim.Optimizers;
import io.pylon.optim.schedule.Scheduler;
import io.pylon.run.MetricsLog;
import io.pylon.run.RunDirectory;
import io.pylon.trainer.Ticker;
import io.pylon.trainer.Trainer;
import io.pylon.trainer.TrainerConfig;
import io.pylon.trainer.TrainingComponents;
import io.pylon.trainer.callback.Callback;
import io.pylon.trainer.callback.LrMonitor;
import io.pylon.trainer.callback.MetricsLogger;
import io.pylon.trainer.callback.ModelCheckpoint;
import io.pylon.trainer.callback.NanGuard;

/** Builds a small, fully seeded trainer over {@link SyntheticData} and a {@link TinyModel}. */
public final class TrainerFixture {

    public static final int FEATURES = 8;
    public static final int CLASSES = 3;

    private long seed = 1;
    private int samples = 96;
    private int batchSize = 16;
    private int threads = 1;
    private int loaderWorkers = -1;
    private TrainerConfig config = trainerConfig(2, 0, 1, 0);
    private OptimConfig optim = OptimConfig.of("adamw", 0.01);
    /** The {@code schedule:} section, e.g. {@code {name: cosine}}. */
    private String schedule = "{name: constant}";
    private ModelCheckpoint.Params checkpoint = new ModelCheckpoint.Params("val/loss", 1, 0, true);
    private double dropout = 0.2;
    private Criterion criterion = new CrossEntropy(0.0);
    private Device device = Device.CPU;

    /** Trains on {@code value} (the model moves there before the optimizer takes its parameters). */
    public TrainerFixture device(Device value) {
        device = value;
        return this;
    }

    public TrainerFixture criterion(Criterion value) {
        criterion = value;
        return this;
    }
    private final List<Callback> extra = new ArrayList<>();
    private Ticker ticker = Ticker.SYSTEM;

    /** The time source the trainer reads. */
    public TrainerFixture ticker(Ticker value) {
        ticker = value;
        return this;
    }

    public TrainerFixture dropout(double value) {
        dropout = value;
        return this;
    }

    public static TrainerConfig trainerConfig(int epochs, long maxSteps, int accumulate, double clipNorm) {
        return new TrainerConfig(epochs, maxSteps, "cpu", 1, 1, 0, accumulate, clipNorm, 0.0, false);
    }

    /** Loads through the threaded loader with {@code workers} threads and a random augmentation. */
    public TrainerFixture augmented(int workers) {
        loaderWorkers = workers;
        return this;
    }

    public TrainerFixture seed(long value) {
        seed = value;
        return this;
    }

    public TrainerFixture samples(int value) {
        samples = value;
        return this;
    }

    public TrainerFixture batchSize(int value) {
        batchSize = value;
        return this;
    }

    public TrainerFixture threads(int value) {
        threads = value;
        return this;
    }

    public TrainerFixture config(TrainerConfig value) {
        config = value;
        return this;
    }

    public TrainerFixture optim(OptimConfig value) {
        optim = value;
        return this;
    }

    public TrainerFixture schedule(String value) {
        schedule = value;
        return this;
    }

    public TrainerFixture checkpoint(ModelCheckpoint.Params value) {
        checkpoint = value;
        return this;
    }

    public TrainerFixture callback(Callback value) {
        extra.add(value);
        return this;
    }

    /** A trainer writing into a new run directory under {@code runsRoot}. */
    public Trainer build(Path runsRoot, String runName) {
        RunDirectory dir = RunDirectory.create(runsRoot, "test", runName, Clock.systemUTC());
        return new Trainer(components(dir), MetricsLog.append(dir.metrics()), ticker);
    }

    /** A trainer over an existing run directory, restored from {@code checkpoint}. */
    public Trainer resume(RunDirectory dir, Path checkpoint, long resumedStep) {
        Trainer trainer = new Trainer(components(dir), MetricsLog.resume(dir.metrics(), resumedStep), ticker);
        trainer.restore(checkpoint);
        return trainer;
    }

    /** The components alone (for code that runs steps without a Trainer, e.g. the finders). */
    public TrainingComponents components(RunDirectory dir) {
        Engine.start(new EngineOptions(threads));
        Seeds.seed(seed);
        DataSplits data = loaderWorkers < 0 ? SyntheticData.splits(samples, FEATURES, CLASSES, batchSize, seed)
                : SyntheticData.augmentedSplits(samples, FEATURES, CLASSES, batchSize, seed, loaderWorkers);
        TinyModel model = new TinyModel(FEATURES, 16, CLASSES, dropout);
        model.module().to(device.toTorch(), false);
        Optimizer optimizer = Optimizers.create(optim, model);
        long stepsPerEpoch = (data.train().batchesPerEpoch() + config.accumulateGradBatches() - 1)
                / config.accumulateGradBatches();
        Scheduler scheduler = TestComponents.scheduler(schedule, optimizer, stepsPerEpoch * config.maxEpochs(),
                stepsPerEpoch);
        List<Callback> callbacks = new ArrayList<>(List.of(new NanGuard(true), new MetricsLogger(1), new LrMonitor(1)));
        callbacks.addAll(extra);
        callbacks.add(new ModelCheckpoint(checkpoint, TestComponents.directions()));
        return new TrainingComponents(model, criterion, () -> TestComponents.metrics(List.of("accuracy")), optimizer,
                scheduler, "val/loss", data, device, config, callbacks, dir, "seed: " + seed + "\n");
    }
}
