package io.pylon.trainer;

import java.util.Iterator;

import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch.ScalarType;

import io.pylon.criteria.composite.ScheduledCriterion;
import io.pylon.data.Batch;
import io.pylon.engine.StepScope;
import io.pylon.optim.GradientClipping;
import io.pylon.optim.Optimizer;

/**
 * The batches of one epoch: forward, loss, backward, and every {@code accumulate_grad_batches}
 * micro-batches one optimizer step (with clipping and the scheduler). Each micro-batch runs in its own
 * {@link StepScope}, so no native tensor outlives it.
 */
final class TrainEpoch {

    private final TrainingComponents parts;
    private final Trainer trainer;
    private final DeviceTransfer transfer;
    private final ShapeCheck shapeCheck;
    private long waitNanos;
    private long runNanos;
    private long epochTokens;
    private long validationNanos;

    TrainEpoch(TrainingComponents parts, Trainer trainer) {
        this.parts = parts;
        this.trainer = trainer;
        this.transfer = new DeviceTransfer(parts.device());
        this.shapeCheck = new ShapeCheck(parts);
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
        epochTokens = 0;
        validationNanos = 0;
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

    /**
     * Token ids per second of the last {@link #run} (inputs of dtype int64, i.e. a sequence model's), over its
     * wall time with data waits but without mid-epoch validations; 0 for other models.
     */
    double tokensPerSecond() {
        long trainingNanos = runNanos - validationNanos;
        return trainingNanos <= 0 ? 0 : epochTokens / (trainingNanos / 1e9);
    }

    private boolean run(int epoch, TrainerConfig config, Optimizer optimizer, int accumulate, Scalar lossScale,
            LoopState start) {
        Iterator<Batch> batches = timed(parts.data().train().epoch(epoch, start.batchInEpoch()));
        long batchInEpoch = start.batchInEpoch();
        long globalStep = start.globalStep();
        double stepLoss = 0;
        int microBatches = 0;
        int stepSamples = 0;
        long stepTokens = 0;
        while (batches.hasNext()) {
            try (StepScope scope = new StepScope()) {
                Batch batch = batches.next();
                Tensor input = transfer.apply(batch.inputs());
                Tensor target = transfer.apply(batch.targets());
                if (input.scalar_type().value == ScalarType.Long.value) {
                    stepTokens += input.numel();
                }
                ModelStep forward = shapeCheck.run(input, target);
                Tensor output = forward.output();
                Tensor loss = forward.loss();
                double lossValue = loss.item_double();
                loss.mul(lossScale).backward();
                trainer.trainMetrics().update(output, target, batch.indices(), lossValue, batch.size());
                stepLoss += lossValue;
                microBatches++;
                stepSamples += batch.size();
                batchInEpoch++;
                if (microBatches == accumulate || !batches.hasNext()) {
                    double gradNorm = clip(optimizer, config);
                    optimizer.step();
                    optimizer.zeroGrad();
                    globalStep++;
                    parts.scheduler().onStep(globalStep);
                    if (parts.criterion() instanceof ScheduledCriterion scheduled) {
                        scheduled.onStep(globalStep, epoch);
                    }
                    trainer.advance(new LoopState(epoch, batchInEpoch, globalStep));
                    trainer.callbackList().onTrainBatchEnd(trainer,
                            new StepResult(globalStep, epoch, batchInEpoch, stepLoss / microBatches, stepSamples, gradNorm,
                                    stepTokens));
                    epochTokens += stepTokens;
                    if (config.valEveryNSteps() > 0 && globalStep % config.valEveryNSteps() == 0) {
                        long validationStart = System.nanoTime();
                        trainer.validateAndNotify();
                        parts.model().module().train(true);
                        validationNanos += System.nanoTime() - validationStart;
                    }
                    stepLoss = 0;
                    microBatches = 0;
                    stepSamples = 0;
                    stepTokens = 0;
                    if (trainer.stopRequested() || trainer.stepLimitReached()) {
                        return !batches.hasNext() && !trainer.stopRequested();
                    }
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
