package io.pylon.trainer;

import java.util.Iterator;

import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch.ScalarType;

import io.pylon.data.Batch;
import io.pylon.engine.StepScope;
import io.pylon.trainer.precision.Autocast;
import io.pylon.trainer.precision.Precision;
import io.pylon.trainer.profile.Phase;
import io.pylon.trainer.profile.StepProfiler;

/**
 * The batches of one epoch: forward, loss, backward, and every {@code accumulate_grad_batches}
 * micro-batches one {@link OptimizerStep}. Each micro-batch runs in its own {@link StepScope}, so no native
 * tensor outlives it except the step's loss sum, which the step's callbacks read (or not) and then frees.
 */
final class EpochLoop {

    private final LoopContext context;
    private final OptimizerStep optimizerStep;
    /** Mid-epoch validation (every {@code val_every_n_steps} steps), with its scheduler and callback notices. */
    private final Runnable validation;
    private final DeviceTransfer transfer;
    private final ShapeCheck shapeCheck;
    private long waitNanos;
    private long runNanos;
    private long epochTokens;
    private long validationNanos;

    EpochLoop(LoopContext context, OptimizerStep optimizerStep, Runnable validation) {
        this.context = context;
        this.optimizerStep = optimizerStep;
        this.validation = validation;
        this.transfer = new DeviceTransfer(context.parts().device());
        this.shapeCheck = new ShapeCheck(context.parts());
    }

    /** Runs the rest of {@code epoch}; returns false if training must stop before the epoch's end. */
    boolean run(int epoch) {
        Ticker ticker = context.ticker();
        long started = ticker.nanos();
        waitNanos = 0;
        epochTokens = 0;
        validationNanos = 0;
        try {
            return runBatches(epoch, ticker);
        } finally {
            runNanos = ticker.nanos() - started;
        }
    }

    /**
     * Share of the last {@link #run}'s wall time the loop spent waiting for the loader (in {@code hasNext} and
     * {@code next}): near 0 when the loader keeps up, high when the model starves for data.
     */
    double dataWaitPercent() {
        return runNanos == 0 ? 0 : 100.0 * waitNanos / runNanos;
    }

    /**
     * Token ids per second of the last {@link #run} (inputs of dtype int64, i.e. a sequence model's), over its
     * wall time with data waits but without mid-epoch validations; 0 for other models.
     */
    double tokensPerSecond() {
        long trainingNanos = runNanos - validationNanos;
        return trainingNanos <= 0 ? 0 : epochTokens / (trainingNanos / 1e9);
    }

    private boolean runBatches(int epoch, Ticker ticker) {
        TrainingComponents parts = context.parts();
        TrainerConfig config = parts.config();
        int accumulate = config.accumulateGradBatches();
        Scalar lossScale = new Scalar(1.0 / accumulate);
        LoopState start = context.position();
        Iterator<Batch> batches = timed(parts.data().train().epoch(epoch, start.batchInEpoch()), ticker);
        long batchInEpoch = start.batchInEpoch();
        long globalStep = start.globalStep();
        StepLoss stepLoss = new StepLoss();
        int stepSamples = 0;
        long stepTokens = 0;
        Precision precision = context.precision();
        StepProfiler profiler = context.profiler();
        profiler.startStep(globalStep + 1);
        try {
            while (batches.hasNext()) {
                try (StepScope scope = new StepScope()) {
                    Batch batch = batches.next();
                    profiler.mark(Phase.DATA_WAIT);
                    Tensor input = transfer.apply(batch.inputs());
                    Tensor target = transfer.apply(batch.targets());
                    if (input.scalar_type().value == ScalarType.Long.value) {
                        stepTokens += input.numel();
                    }
                    profiler.mark(Phase.HOST_TO_DEVICE);
                    ModelStep forward;
                    try (Autocast autocast = precision.autocast()) {
                        forward = shapeCheck.run(input, target);
                    }
                    Tensor output = Precision.toFloat(forward.output());
                    Tensor loss = forward.loss();
                    profiler.mark(Phase.FORWARD);
                    precision.scaleLoss(loss.mul(lossScale)).backward();
                    profiler.mark(Phase.BACKWARD);
                    context.trainMetrics().update(output, target, batch.indices(), loss, batch.size(), scope);
                    stepLoss.add(loss, scope);
                    stepSamples += batch.size();
                    batchInEpoch++;
                    if (stepLoss.microBatches() == accumulate || !batches.hasNext()) {
                        globalStep++;
                        double gradNorm = optimizerStep.apply(globalStep, epoch);
                        profiler.mark(Phase.OPTIMIZER);
                        context.advance(new LoopState(epoch, batchInEpoch, globalStep));
                        context.callbacks().onTrainBatchEnd(context,
                                new StepResult(globalStep, epoch, batchInEpoch, stepLoss, stepSamples, gradNorm, stepTokens));
                        profiler.mark(Phase.CALLBACKS);
                        profiler.endStep().ifPresent(context::logProfile);
                        epochTokens += stepTokens;
                        stepTokens = 0;
                        stepLoss.close();
                        stepLoss = new StepLoss();
                        stepSamples = 0;
                        if (config.valEveryNSteps() > 0 && globalStep % config.valEveryNSteps() == 0) {
                            long validationStart = ticker.nanos();
                            validation.run();
                            validationNanos += ticker.nanos() - validationStart;
                        }
                        if (context.stopRequested() || context.stepLimitReached()) {
                            return !batches.hasNext() && !context.stopRequested();
                        }
                        profiler.startStep(globalStep + 1);
                    }
                }
            }
        } finally {
            stepLoss.close();
        }
        context.advance(new LoopState(epoch, batchInEpoch, globalStep));
        return true;
    }

    private Iterator<Batch> timed(Iterator<Batch> batches, Ticker ticker) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                long t = ticker.nanos();
                try {
                    return batches.hasNext();
                } finally {
                    waitNanos += ticker.nanos() - t;
                }
            }

            @Override
            public Batch next() {
                long t = ticker.nanos();
                try {
                    return batches.next();
                } finally {
                    waitNanos += ticker.nanos() - t;
                }
            }
        };
    }
}
