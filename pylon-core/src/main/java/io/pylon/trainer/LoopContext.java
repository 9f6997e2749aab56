package io.pylon.trainer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.bytedeco.pytorch.global.torch;

import io.pylon.criteria.Criterion;
import io.pylon.data.DataSpec;
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
 * What the fit, epoch and evaluation loops share: the components, the callbacks, the running training
 * metrics, the position and the stop request. It is also what callbacks see of the run ({@link TrainerView}),
 * so no loop calls back up into {@link Trainer}.
 */
final class LoopContext implements TrainerView {

    private final TrainingComponents parts;
    private final CallbackList callbacks;
    private final RunningMetrics trainMetrics;
    private final MetricsLog metricsLog;
    private final Ticker ticker;
    private final Precision precision;
    private final StepProfiler profiler;
    private final DeviceMonitor deviceMonitor;
    private LoopState position = LoopState.START;
    private Consumer<LoopState> onAdvance = next -> { };
    /** Written by a callback on the training thread, or by a signal handler on another thread. */
    private volatile String stopReason;

    LoopContext(TrainingComponents parts, MetricsLog metricsLog, Ticker ticker) {
        this.parts = parts;
        this.callbacks = new CallbackList(parts.callbacks());
        this.trainMetrics = new RunningMetrics(parts.metrics().get());
        this.metricsLog = metricsLog;
        this.ticker = ticker;
        this.precision = Precision.create(parts.config().precision(), parts.device());
        boolean cuda = parts.device() instanceof Device.Cuda;
        this.profiler = new StepProfiler(parts.config().profileEvery(), cuda ? torch::cuda_synchronize : () -> { },
                ticker::nanos);
        this.deviceMonitor = cuda && parts.config().profileEvery() > 0 ? DeviceMonitor.open() : DeviceMonitor.none();
    }

    Precision precision() {
        return precision;
    }

    DeviceMonitor deviceMonitor() {
        return deviceMonitor;
    }

    @Override
    public StepProfiler profiler() {
        return profiler;
    }

    /** Logs a sampled step's phase times and memory (split {@code profile}) plus the precision's values. */
    void logProfile(StepTimings timings) {
        Map<String, Double> values = new LinkedHashMap<>(timings.logValues());
        values.putAll(deviceMonitor.sample());
        values.putAll(precision.logValues());
        log("profile", values);
    }

    TrainingComponents parts() {
        return parts;
    }

    CallbackList callbacks() {
        return callbacks;
    }

    RunningMetrics trainMetrics() {
        return trainMetrics;
    }

    MetricsLog metricsLog() {
        return metricsLog;
    }

    void advance(LoopState next) {
        position = next;
        onAdvance.accept(next);
    }

    /** Tells {@code listener} of every new position (the run status heartbeat). */
    void onAdvance(Consumer<LoopState> listener) {
        this.onAdvance = listener;
    }

    boolean stepLimitReached() {
        return parts.config().maxSteps() > 0 && position.globalStep() >= parts.config().maxSteps();
    }

    boolean stopRequested() {
        return stopReason != null;
    }

    /** Why training was asked to stop, or empty. */
    String stopReason() {
        String reason = stopReason;
        return reason == null ? "" : reason;
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
    public Ticker ticker() {
        return ticker;
    }

    @Override
    public void log(String split, Map<String, ? extends Number> values) {
        metricsLog.log(position.globalStep(), position.epoch(), split, values);
    }

    @Override
    public synchronized void requestStop(String reason) {
        if (stopReason == null) {
            stopReason = reason;
        }
    }

    @Override
    public void saveCheckpoint(Path file) {
        TrainerCheckpoints.save(file, parts, position, trainMetrics, precision);
        callbacks.onCheckpointSave(this, file);
    }
}
