package io.pylon.trainer.callback;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.pylon.config.Default;
import io.pylon.config.InvalidValueException;
import io.pylon.trainer.StepResult;
import io.pylon.trainer.TrainerView;

/**
 * Logs each optimizer group's learning rate ({@code lr} for one group, {@code lr/<i>} for several) under
 * split {@code train} every {@code every_n_steps} steps.
 */
public record LrMonitor(@Default("1") int everyNSteps) implements Callback {

    public LrMonitor {
        InvalidValueException.require(everyNSteps >= 1, "every_n_steps", "must be >= 1, got %d", everyNSteps);
    }

    @Override
    public String name() {
        return "lr_monitor";
    }

    @Override
    public void onTrainBatchEnd(TrainerView trainer, StepResult step) {
        if (step.globalStep() % everyNSteps != 0) {
            return;
        }
        List<Double> lrs = trainer.learningRates();
        Map<String, Double> values = new LinkedHashMap<>();
        if (lrs.size() == 1) {
            values.put("lr", lrs.get(0));
        } else {
            for (int i = 0; i < lrs.size(); i++) {
                values.put("lr/" + i, lrs.get(i));
            }
        }
        trainer.log("train", values);
    }
}
