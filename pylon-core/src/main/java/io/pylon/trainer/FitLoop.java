package io.pylon.trainer;

import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Epochs until {@code max_epochs}, {@code max_steps} or a stop request: each epoch's batches through the
 * {@link EpochLoop}, then the epoch's training metrics, validation and the epoch-end hooks.
 */
final class FitLoop {

    private static final Logger LOG = LoggerFactory.getLogger(FitLoop.class);

    private final LoopContext context;
    private final OptimizerStep optimizerStep;
    private final EpochLoop epochLoop;
    private final EvaluationLoop evaluation;
    private long lastValidationStep = -1;

    FitLoop(LoopContext context) {
        this.context = context;
        this.optimizerStep = new OptimizerStep(context.parts(), context.precision());
        this.evaluation = new EvaluationLoop(context);
        this.epochLoop = new EpochLoop(context, optimizerStep, this::validateAndNotify);
    }

    FitResult run() {
        TrainingComponents parts = context.parts();
        TrainerConfig config = parts.config();
        LoopState start = context.position();
        optimizerStep.syncSchedules(start.globalStep(), start.epoch());
        parts.model().module().train(true);
        try {
            context.callbacks().onFitStart(context);
            while (context.position().epoch() < config.maxEpochs() && !context.stepLimitReached()
                    && !context.stopRequested()) {
                int epoch = context.position().epoch();
                if (context.position().batchInEpoch() == 0) {
                    context.trainMetrics().reset();
                    context.callbacks().onEpochStart(context, epoch);
                }
                if (!epochLoop.run(epoch)) {
                    break;
                }
                finishEpoch(epoch);
            }
            if (context.stepLimitReached() && context.position().batchInEpoch() > 0) {
                // max_steps ended the epoch early: evaluate what was trained (unless val_every_n_steps just did),
                // then end the partial epoch as a whole one (train summary, last checkpoint) at the mid-epoch position
                if (lastValidationStep != context.position().globalStep()) {
                    context.callbacks().onValidationEnd(context, evaluation.run(parts.data().val(), "val"));
                }
                context.callbacks().onEpochEnd(context, trainSummary());
            }
            context.callbacks().onFitEnd(context);
        } catch (RuntimeException | Error e) {
            context.callbacks().onException(context, e);
            throw e;
        }
        if (context.stopRequested()) {
            LOG.info("training stopped: {}", context.stopReason());
        }
        return new FitResult(context.position(), context.stopReason());
    }

    private void finishEpoch(int epoch) {
        EvalResult train = trainSummary();
        int every = context.parts().config().valEveryNEpochs();
        if (every > 0 && (epoch + 1) % every == 0) {
            validateAndNotify();
        }
        context.parts().scheduler().onEpochEnd(epoch);
        context.advance(context.position().afterEpoch());
        context.callbacks().onEpochEnd(context, train);
    }

    /** The epoch's (or the partial epoch's) training metrics, data wait and, for sequence models, tokens/s. */
    private EvalResult trainSummary() {
        EvalResult measured = context.trainMetrics().result("train", context.position());
        Map<String, Double> values = new LinkedHashMap<>(measured.values());
        values.put("data_wait_pct", epochLoop.dataWaitPercent());
        double tokensPerSecond = epochLoop.tokensPerSecond();
        if (tokensPerSecond > 0) {
            values.put("tokens_per_s", tokensPerSecond);
        }
        return new EvalResult(measured.split(), measured.globalStep(), measured.epoch(), values);
    }

    /** Validation during training: the plateau schedule and the callbacks hear of it. */
    private void validateAndNotify() {
        TrainingComponents parts = context.parts();
        lastValidationStep = context.position().globalStep();
        EvalResult result = evaluation.run(parts.data().val(), "val");
        result.monitored(parts.scheduleMonitor()).ifPresent(parts.scheduler()::onValidation);
        context.callbacks().onValidationEnd(context, result);
        parts.model().module().train(true);
    }
}
