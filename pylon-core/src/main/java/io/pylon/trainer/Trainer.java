package io.pylon.trainer;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.pylon.checkpoint.CheckpointFile;
import io.pylon.criteria.Criterion;
import io.pylon.data.DataSpec;
import io.pylon.data.DataSplits;
import io.pylon.models.Model;
import io.pylon.optim.Optimizer;
import io.pylon.run.MetricsLog;
import io.pylon.run.RunDirectory;
import io.pylon.run.RunStatusWriter;
import io.pylon.trainer.profile.DeviceMonitor;
import io.pylon.trainer.profile.StepProfiler;

/**
 * The facade: {@link #fit}, {@link #validate}, {@link #test}, {@link #restore}. The work is done by loops that
 * share one {@link LoopContext}: {@link FitLoop} (epochs), {@link EpochLoop} (batches, through the one
 * {@link OptimizerStep}) and {@link EvaluationLoop}; checkpoints by {@link TrainerCheckpoints}.
 */
public final class Trainer implements TrainerView, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Trainer.class);

    private final LoopContext context;
    private final FitLoop fitLoop;
    private final EvaluationLoop evaluation;
    private final RunStatusWriter status;

    public Trainer(TrainingComponents parts, MetricsLog metricsLog) {
        this(parts, metricsLog, Ticker.SYSTEM);
    }

    /** A trainer whose loops and callbacks read time from {@code ticker}. */
    public Trainer(TrainingComponents parts, MetricsLog metricsLog, Ticker ticker) {
        this.context = new LoopContext(parts, metricsLog, ticker);
        this.fitLoop = new FitLoop(context);
        this.evaluation = new EvaluationLoop(context);
        // the trainer owns the run directory while it lives: status.json says so, with a heartbeat per step
        this.status = RunStatusWriter.begin(parts.runDirectory(), Clock.systemUTC(), RunStatusWriter.DEFAULT_INTERVAL, 0);
        context.onAdvance(next -> status.heartbeat(next.globalStep()));
    }

    /** Trains from the current position until max_epochs / max_steps or a stop request. */
    public FitResult fit() {
        try {
            return fitLoop.run();
        } catch (RuntimeException | Error e) {
            status.fail(e);
            throw e;
        }
    }

    public EvalResult validate() {
        try {
            EvalResult result = evaluation.run(context.parts().data().val(), "val");
            context.callbacks().onValidationEnd(context, result);
            return result;
        } catch (RuntimeException | Error e) {
            status.fail(e);
            throw e;
        }
    }

    public EvalResult test() {
        try {
            EvalResult result = evaluation.run(context.parts().data().test(), "test");
            context.callbacks().onTestEnd(context, result);
            return result;
        } catch (RuntimeException | Error e) {
            status.fail(e);
            throw e;
        }
    }

    /** Restores model, optimizer, scheduler, RNG, callbacks and position from a checkpoint. */
    public void restore(Path checkpoint) {
        restore(checkpoint, CheckpointFile.read(checkpoint));
    }

    /** Restores from a checkpoint already read and verified (so a resume reads the file once). */
    void restore(Path checkpoint, CheckpointFile.Contents contents) {
        context.advance(TrainerCheckpoints.restore(checkpoint, contents, context.parts(), context.trainMetrics(),
                context.precision()));
        context.callbacks().onCheckpointLoad(context, checkpoint);
        LoopState position = context.position();
        LOG.info("resumed from {} at epoch {}, batch {}, step {}", checkpoint, position.epoch(),
                position.batchInEpoch(), position.globalStep());
    }

    @Override
    public LoopState position() {
        return context.position();
    }

    @Override
    public TrainerConfig config() {
        return context.config();
    }

    @Override
    public Model model() {
        return context.model();
    }

    @Override
    public Criterion criterion() {
        return context.criterion();
    }

    @Override
    public Optimizer optimizer() {
        return context.optimizer();
    }

    @Override
    public RunDirectory runDirectory() {
        return context.runDirectory();
    }

    @Override
    public DataSpec dataSpec() {
        return context.dataSpec();
    }

    @Override
    public long batchesPerEpoch() {
        return context.batchesPerEpoch();
    }

    @Override
    public List<Double> learningRates() {
        return context.learningRates();
    }

    @Override
    public StepProfiler profiler() {
        return context.profiler();
    }

    @Override
    public Ticker ticker() {
        return context.ticker();
    }

    @Override
    public void log(String split, Map<String, ? extends Number> values) {
        context.log(split, values);
    }

    /** Asks the loop to stop at the next optimizer-step boundary; safe to call from any thread (a signal handler). */
    @Override
    public void requestStop(String reason) {
        context.requestStop(reason);
    }

    @Override
    public void saveCheckpoint(Path file) {
        context.saveCheckpoint(file);
    }

    @Override
    public void close() {
        try (RunStatusWriter ending = status; MetricsLog log = context.metricsLog();
                DataSplits data = context.parts().data();
                DeviceMonitor monitor = context.deviceMonitor()) {
            context.trainMetrics().close();
        }
    }
}
