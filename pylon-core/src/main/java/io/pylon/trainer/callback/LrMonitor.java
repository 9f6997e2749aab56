package io.pylon.trainer.callback;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.pylon.config.Default;
import io.pylon.config.InvalidValueException;
import io.pylon.optim.ParamGroup;
import io.pylon.trainer.StepResult;
import io.pylon.trainer.TrainerView;

/**
 * Logs the learning rate under split {@code train} every {@code every_n_steps} steps: {@code lr} is the
 * first parameter group's, and with several groups each also appears as {@code lr/<group name>}.
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
        List<ParamGroup> groups = trainer.optimizer().groups();
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("lr", groups.get(0).lr());
        if (groups.size() > 1) {
            for (ParamGroup group : groups) {
                values.put("lr/" + group.name(), group.lr());
            }
        }
        trainer.log("train", values);
    }
}
