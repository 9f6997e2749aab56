package io.pylon.trainer;

import io.pylon.criteria.composite.ScheduledCriterion;
import io.pylon.optim.GradientClipping;
import io.pylon.optim.Optimizer;
import io.pylon.trainer.precision.Precision;

/**
 * The one place an optimizer step happens: clip, step, zero the gradients, then move every schedule that
 * counts optimizer steps (the learning-rate schedule and scheduled loss weights) to the new step.
 */
final class OptimizerStep {

    private final TrainingComponents parts;
    private final Precision precision;

    OptimizerStep(TrainingComponents parts, Precision precision) {
        this.parts = parts;
        this.precision = precision;
    }

    /**
     * Steps the optimizer; returns the global gradient norm before clipping (NaN when norm clipping is off).
     *
     * @param globalStep the step count after this step
     */
    double apply(long globalStep, int epoch) {
        Optimizer optimizer = parts.optimizer();
        double gradNorm = Double.NaN;
        // fp16 loss scaling: a step whose gradients overflowed is skipped (the scaler shrinks its scale)
        if (precision.unscaleGradients(optimizer)) {
            gradNorm = clip(optimizer, parts.config());
            optimizer.step();
        }
        optimizer.zeroGrad();
        syncSchedules(globalStep, epoch);
        return gradNorm;
    }

    /** Puts every step-driven schedule at {@code globalStep} (also at the start of a fit, e.g. after a resume). */
    void syncSchedules(long globalStep, int epoch) {
        parts.scheduler().onStep(globalStep);
        if (parts.criterion() instanceof ScheduledCriterion scheduled) {
            scheduled.onStep(globalStep, epoch);
        }
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
