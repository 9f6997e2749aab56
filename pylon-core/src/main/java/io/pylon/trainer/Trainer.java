package io.pylon.trainer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bytedeco.pytorch.global.torch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.pylon.checkpoint.CheckpointFile;
import io.pylon.criteria.Criterion;
import io.pylon.criteria.composite.ScheduledCriterion;
import io.pylon.data.DataSpec;
import io.pylon.data.DataSplits;
import io.pylon.engine.Device;
import io.pylon.models.Model;
import io.pylon.optim.Optimizer;
import io.pylon.optim.ParamGroup;
import io.pylon.run.MetricsLog;
import io.pylon.run.RunDirectory;
import io.pylon.trainer.callback.CallbackList;
import io.pylon.trainer.precision.Precision;
import io.pylon.trainer.profile.DeviceMonitor;
import io.pylon.trainer.profile.StepProfiler;
import io.pylon.trainer.profile.StepTimings;

/**
 * The facade: {@link #fit}, {@link #validate}, {@link #test}. The work is done by {@link TrainEpoch}
 * (batches of one epoch) and {@link Evaluation}; checkpoints by {@link TrainerCheckpoints}.
 */
public final class Trainer implements TrainerView, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Trainer.class);

    private final TrainingComponents parts;
    private final CallbackList callbacks;
    private final RunningMetrics trainMetrics;
    private final MetricsLog metricsLog;
    private final TrainEpoch epochLoop;
    private final Precision precision;
    private final StepProfiler profiler;
    private final DeviceMonitor deviceMonitor;
    private LoopState position = LoopState.START;
    private String stopReason;

    public Trainer(TrainingComponents parts, MetricsLog metricsLog) {
        this.parts = parts;
        this.callbacks = new CallbackList(parts.callbacks());
        this.trainMetrics = new RunningMetrics(parts.metrics().get());
        this.metricsLog = metricsLog;
        this.precision = Precision.create(parts.config().precision(), parts.device());
        boolean cuda = parts.device() instanceof Device.Cuda;
        this.profiler = new StepProfiler(parts.config().profileEvery(), cuda ? torch::cuda_synchronize : () -> { },
                System::nanoTime);
        this.deviceMonitor = cuda && parts.config().profileEvery() > 0 ? DeviceMonitor.open() : DeviceMonitor.none();
        this.epochLoop = new TrainEpoch(parts, this, precision, profiler);
    }

    /** Trains from the current position until max_epochs / max_steps or a stop request. */
    public FitResult fit() {
        TrainerConfig config = parts.config();
        parts.scheduler().onStep(position.globalStep());
        if (parts.criterion() instanceof ScheduledCriterion scheduled) {
            scheduled.onStep(position.globalStep(), position.epoch());
        }
        parts.model().module().train(true);
        try {
            callbacks.onFitStart(this);
            while (position.epoch() < config.maxEpochs() && !stepLimitReached() && stopReason == null) {
                int epoch = position.epoch();
                if (position.batchInEpoch() == 0) {
                    trainMetrics.reset();
                    callbacks.onEpochStart(this, epoch);
                }
                boolean finished = epochLoop.run(epoch);
                if (!finished) {
                    break;
                }
                finishEpoch(epoch);
            }
            if (stepLimitReached() && position.batchInEpoch() > 0) {
                // max_steps ended the epoch early: evaluate what was trained, keep the mid-epoch position
                callbacks.onValidationEnd(this, runValidation());
            }
            callbacks.onFitEnd(this);
        } catch (RuntimeException | Error e) {
            callbacks.onException(this, e);
            throw e;
        }
        if (stopReason != null) {
            LOG.info("training stopped: {}", stopReason);
        }
        return new FitResult(position, stopReason == null ? "" : stopReason);
    }

    private void finishEpoch(int epoch) {
        EvalResult measured = trainMetrics.result("train", position);
        Map<String, Double> values = new LinkedHashMap<>(measured.values());
        values.put("data_wait_pct", epochLoop.dataWaitPercent());
        EvalResult train = new EvalResult(measured.split(), measured.globalStep(), measured.epoch(), values);
        int every = parts.config().valEveryNEpochs();
        if (every > 0 && (epoch + 1) % every == 0) {
            validateAndNotify();
        }
        parts.scheduler().onEpochEnd(epoch);
        position = position.afterEpoch();
        callbacks.onEpochEnd(this, train);
    }

    /** Runs validation mid-training and tells the scheduler and callbacks. */
    void validateAndNotify() {
        EvalResult result = runValidation();
        result.monitored(parts.scheduleMonitor()).ifPresent(parts.scheduler()::onValidation);
        callbacks.onValidationEnd(this, result);
    }

    private EvalResult runValidation() {
        return new Evaluation(parts, precision).run(parts.data().val(), "val", position);
    }

    public EvalResult validate() {
        EvalResult result = runValidation();
        callbacks.onValidationEnd(this, result);
        return result;
    }

    public EvalResult test() {
        EvalResult result = new Evaluation(parts, precision).run(parts.data().test(), "test", position);
        callbacks.onValidationEnd(this, result);
        return result;
    }

    /** Restores model, optimizer, scheduler, RNG, callbacks and position from a checkpoint. */
    public void restore(Path checkpoint) {
        restore(checkpoint, CheckpointFile.read(checkpoint));
    }

    /** Restores from a checkpoint already read and verified (so a resume reads the file once). */
    void restore(Path checkpoint, CheckpointFile.Contents contents) {
        position = TrainerCheckpoints.restore(checkpoint, contents, parts, trainMetrics, precision);
        callbacks.onCheckpointLoad(this, checkpoint);
        LOG.info("resumed from {} at epoch {}, batch {}, step {}", checkpoint, position.epoch(),
                position.batchInEpoch(), position.globalStep());
    }

    boolean stepLimitReached() {
        return parts.config().maxSteps() > 0 && position.globalStep() >= parts.config().maxSteps();
    }

    boolean stopRequested() {
        return stopReason != null;
    }

    void advance(LoopState next) {
        position = next;
    }

    /** Logs a sampled step's phase times and memory (split {@code profile}) plus the precision's values. */
    void logProfile(StepTimings timings) {
        Map<String, Double> values = new LinkedHashMap<>(timings.logValues());
        values.putAll(deviceMonitor.sample());
        values.putAll(precision.logValues());
        log("profile", values);
    }

    RunningMetrics trainMetrics() {
        return trainMetrics;
    }

    CallbackList callbackList() {
        return callbacks;
    }

    @Override
    public LoopState position() {
        return position;
    }

    @Override
    public TrainerConfig config() {
        return parts.config();
    }

    @Override
    public Model model() {
        return parts.model();
    }

    @Override
    public Criterion criterion() {
        return parts.criterion();
    }

    @Override
    public Optimizer optimizer() {
        return parts.optimizer();
    }

    @Override
    public RunDirectory runDirectory() {
        return parts.runDirectory();
    }

    @Override
    public DataSpec dataSpec() {
        return parts.data().spec();
    }

    @Override
    public long batchesPerEpoch() {
        return parts.data().train().batchesPerEpoch();
    }

    @Override
    public List<Double> learningRates() {
        List<Double> lrs = new ArrayList<>();
        for (ParamGroup g : parts.optimizer().groups()) {
            lrs.add(g.lr());
        }
        return lrs;
    }

    @Override
    public void log(String split, Map<String, ? extends Number> values) {
        metricsLog.log(position.globalStep(), position.epoch(), split, values);
    }

    @Override
    public StepProfiler profiler() {
        return profiler;
    }

    @Override
    public void requestStop(String reason) {
        if (stopReason == null) {
            stopReason = reason;
        }
    }

    @Override
    public void saveCheckpoint(Path file) {
        TrainerCheckpoints.save(file, parts, position, trainMetrics, precision);
        callbacks.onCheckpointSave(this, file);
    }

    @Override
    public void close() {
        try (MetricsLog log = metricsLog; DataSplits data = parts.data(); DeviceMonitor monitor = deviceMonitor) {
            trainMetrics.close();
        }
    }
}
