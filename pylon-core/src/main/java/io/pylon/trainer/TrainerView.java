package io.pylon.trainer;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.pylon.criteria.Criterion;
import io.pylon.data.DataSpec;
import io.pylon.models.Model;
import io.pylon.optim.Optimizer;
import io.pylon.run.RunDirectory;
import io.pylon.trainer.profile.StepProfiler;

/** What callbacks may see of, and ask of, a running trainer. */
public interface TrainerView {

    /** The next batch to run (what a checkpoint taken now would resume from). */
    LoopState position();

    TrainerConfig config();

    Model model();

    Criterion criterion();

    Optimizer optimizer();

    RunDirectory runDirectory();

    /** The shapes the model was built for (what a sample input looks like). */
    DataSpec dataSpec();

    long batchesPerEpoch();

    /** Learning rate of each optimizer group now. */
    List<Double> learningRates();

    /** The time source of the loop (nanoseconds, monotonic); callbacks time through it too. */
    Ticker ticker();

    /** Logs values into metrics.jsonl (through the metrics logger) at the current step. */
    void log(String split, Map<String, ? extends Number> values);

    /** The step profiler (callbacks may listen to the phases of chosen steps, or read the last sampled step). */
    StepProfiler profiler();

    /** Asks the loop to stop after the current step; {@code reason} is logged. */
    void requestStop(String reason);

    /** Writes a full checkpoint of the current position to {@code file} (atomically). */
    void saveCheckpoint(Path file);
}
