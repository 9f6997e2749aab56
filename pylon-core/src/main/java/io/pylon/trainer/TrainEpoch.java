package io.pylon.trainer;

import java.util.Iterator;

import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;

import io.pylon.criteria.composite.ScheduledCriterion;
import io.pylon.data.Batch;
import io.pylon.engine.StepScope;
import io.pylon.optim.GradientClipping;
import io.pylon.optim.Optimizer;
import io.pylon.trainer.precision.Autocast;
import io.pylon.trainer.precision.Precision;
import io.pylon.trainer.profile.Phase;
import io.pylon.trainer.profile.StepProfiler;

/**
 * The batches of one epoch: forward and loss (under the precision's autocast), backward, and every
 * {@code accumulate_grad_batches} micro-batches one optimizer step (with loss unscaling, clipping and the
 * scheduler; a step with non-finite fp16 gradients is skipped). The profiler is told where each phase ends. Each micro-batch runs in its own
 * {@link StepScope}, so no native tensor outlives it.
 */
final class TrainEpoch {

    private final TrainingComponents parts;
    private final Trainer trainer;
    private final DeviceTransfer transfer;
    private final Precision precision;
    private final StepProfiler profiler;
    private long waitNanos;
    private long runNanos;

    TrainEpoch(TrainingComponents parts, Trainer trainer, Precision precision, StepProfiler profiler) {
        this.parts = parts;
        this.trainer = trainer;
        this.transfer = new DeviceTransfer(parts.device());
        this.precision = precision;
        this.profiler = profiler;
    }

    /** Runs the rest of {@code epoch}; returns false if training must stop before the epoch's end. */
    boolean run(int epoch) {
        TrainerConfig config = parts.config();
        Optimizer optimizer = parts.optimizer();
        int accumulate = config.accumulateGradBatches();
        Scalar lossScale = new Scalar(1.0 / accumulate);
        LoopState start = trainer.position();
        long started = System.nanoTime();
        waitNanos = 0;
        try {
            return run(epoch, config, optimizer, accumulate, lossScale, start);
        } finally {
            runNanos = System.nanoTime() - started;
        }
    }

    /**
     * Share of the last {@link #run}'s wall time the loop spent waiting for the loader (in {@code hasNext} and
     * {@code next}): near 0 when the loader keeps up, high when the model starves for data.
     */
    double dataWaitPercent() {
        return runNanos == 0 ? 0 : 100.0 * waitNanos / runNanos;
    }

    private boolean run(int epoch, TrainerConfig config, Optimizer optimizer, int accumulate, Scalar lossScale,
            LoopState start) {
        Iterator<Batch> batches = timed(parts.data().train().epoch(epoch, start.batchInEpoch()));
        long batchInEpoch = start.batchInEpoch();
        long globalStep = start.globalStep();
        double stepLoss = 0;
        int microBatches = 0;
        int stepSamples = 0;
        profiler.startStep(globalStep + 1);
        while (batches.hasNext()) {
            try (StepScope scope = new StepScope()) {
                Batch batch = batches.next();
                profiler.mark(Phase.DATA_WAIT);
                Tensor input = transfer.apply(batch.inputs());
                Tensor target = transfer.apply(batch.targets());
                profiler.mark(Phase.HOST_TO_DEVICE);
                ModelStep forward;
                try (Autocast autocast = precision.autocast()) {
                    forward = ModelStep.run(parts.model(), parts.criterion(), input, target);
                }
                Tensor output = Precision.toFloat(forward.output());
                Tensor loss = forward.loss();
                double lossValue = loss.item_double();
                profiler.mark(Phase.FORWARD);
                precision.scaleLoss(loss.mul(lossScale)).backward();
                profiler.mark(Phase.BACKWARD);
                trainer.trainMetrics().update(output, target, batch.indices(), lossValue, batch.size());
                stepLoss += lossValue;
                microBatches++;
                stepSamples += batch.size();
                batchInEpoch++;
                if (microBatches == accumulate || !batches.hasNext()) {
                    double gradNorm = Double.NaN;
                    if (precision.unscaleGradients(optimizer)) {
                        gradNorm = clip(optimizer, config);
                        optimizer.step();
                    }
                    optimizer.zeroGrad();
                    globalStep++;
                    parts.scheduler().onStep(globalStep);
                    if (parts.criterion() instanceof ScheduledCriterion scheduled) {
                        scheduled.onStep(globalStep, epoch);
                    }
                    profiler.mark(Phase.OPTIMIZER);
                    trainer.advance(new LoopState(epoch, batchInEpoch, globalStep));
                    trainer.callbackList().onTrainBatchEnd(trainer,
                            new StepResult(globalStep, epoch, batchInEpoch, stepLoss / microBatches, stepSamples, gradNorm));
                    profiler.mark(Phase.CALLBACKS);
                    profiler.endStep().ifPresent(trainer::logProfile);
                    if (config.valEveryNSteps() > 0 && globalStep % config.valEveryNSteps() == 0) {
                        trainer.validateAndNotify();
                        parts.model().module().train(true);
                    }
                    stepLoss = 0;
                    microBatches = 0;
                    stepSamples = 0;
                    if (trainer.stopRequested() || trainer.stepLimitReached()) {
                        return !batches.hasNext() && !trainer.stopRequested();
                    }
                    profiler.startStep(globalStep + 1);
                }
            }
        }
        trainer.advance(new LoopState(epoch, batchInEpoch, globalStep));
        return true;
    }

    private Iterator<Batch> timed(Iterator<Batch> batches) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                long t = System.nanoTime();
                try {
                    return batches.hasNext();
                } finally {
                    waitNanos += System.nanoTime() - t;
                }
            }

            @Override
            public Batch next() {
                long t = System.nanoTime();
                try {
                    return batches.next();
                } finally {
                    waitNanos += System.nanoTime() - t;
                }
            }
        };
    }

    private static double clip(Optimizer optimizer, TrainerConfig config) {
        if (config.gradientClipValue() > 0) {
            GradientClipping.clipValue(optimizer, config.gradientClipValue());
        }
        if (config.gradientClipNorm() > 0) {
            return GradientClipping.clipNorm(optimizer, config.gradientClipNorm());
        }
        return Double.NaN;
    }
}
