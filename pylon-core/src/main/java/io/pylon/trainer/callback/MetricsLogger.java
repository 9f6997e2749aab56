package io.pylon.trainer.callback;

import java.util.LinkedHashMap;
import java.util.Map;

import io.pylon.config.Default;
import io.pylon.config.InvalidValueException;
import io.pylon.criteria.composite.TrainableCriterion;
import io.pylon.trainer.EvalResult;
import io.pylon.trainer.StepResult;
import io.pylon.trainer.TrainerView;

/**
 * Writes {@code metrics.jsonl}: the loss of every {@code every_n_steps}-th optimizer step (split
 * {@code train}), each epoch's training metrics (split {@code train_epoch}) and every evaluation.
 *
 * @param everyNSteps log the step loss every N optimizer steps (>= 1)
 */
public record MetricsLogger(@Default("1") int everyNSteps) implements Callback {

    public MetricsLogger {
        InvalidValueException.require(everyNSteps >= 1, "every_n_steps", "must be >= 1, got %d", everyNSteps);
    }

    @Override
    public String name() {
        return "metrics_logger";
    }

    @Override
    public void onTrainBatchEnd(TrainerView trainer, StepResult step) {
        if (step.globalStep() % everyNSteps == 0) {
            Map<String, Double> values = new LinkedHashMap<>();
            values.put("loss", step.loss());
            if (!Double.isNaN(step.gradNorm())) {
                values.put("grad_norm", step.gradNorm());
            }
            if (trainer.criterion() instanceof TrainableCriterion trainable) {
                trainable.weights().forEach((term, weight) -> values.put("loss_weight/" + term, weight));
            }
            trainer.log("train", values);
        }
    }

    @Override
    public void onEpochEnd(TrainerView trainer, EvalResult train) {
        trainer.log("train_epoch", train.values());
    }

    @Override
    public void onValidationEnd(TrainerView trainer, EvalResult result) {
        trainer.log(result.split(), result.values());
    }

    @Override
    public void onTestEnd(TrainerView trainer, EvalResult result) {
        trainer.log(result.split(), result.values());
    }
}
