package io.pylon.trainer.callback;

import java.util.List;
import java.util.Map;

import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;

import io.pylon.config.Default;
import io.pylon.engine.StepScope;
import io.pylon.nn.ModuleTensors;
import io.pylon.optim.ParamGroup;
import io.pylon.trainer.StepResult;
import io.pylon.trainer.TrainerView;

/**
 * Stops training at the first step whose loss, or (with {@code check_parameters}) any parameter, is
 * NaN or infinite, naming the step and the culprit. The parameter check is one reduction per optimizer
 * group (parameters live in flat buffers); only on failure are single parameters inspected.
 */
public record NanGuard(@Default("true") boolean checkParameters) implements Callback {

    @Override
    public String name() {
        return "nan_guard";
    }

    @Override
    public void onTrainBatchEnd(TrainerView trainer, StepResult step) {
        if (!Double.isFinite(step.loss())) {
            throw new TrainingDivergedException("loss became " + step.loss() + " at step " + step.globalStep()
                    + " (epoch " + step.epoch() + ", batch " + step.batchInEpoch() + "); lower optim.lr, enable"
                    + " trainer.gradient_clip_norm, or check the data; the last checkpoint holds finite weights");
        }
        if (checkParameters) {
            checkParameters(trainer, step);
        }
    }

    private static void checkParameters(TrainerView trainer, StepResult step) {
        try (StepScope scope = new StepScope()) {
            List<ParamGroup> groups = trainer.optimizer().groups();
            for (ParamGroup g : groups) {
                if (!torch.isfinite(g.flatParams()).all().item_bool()) {
                    throw new TrainingDivergedException("parameter '" + firstBad(trainer) + "' became NaN or infinite"
                            + " at step " + step.globalStep() + " (loss " + step.loss() + "); lower optim.lr or enable"
                            + " trainer.gradient_clip_norm");
                }
            }
        }
    }

    private static String firstBad(TrainerView trainer) {
        for (Map.Entry<String, Tensor> e : ModuleTensors.parameters(trainer.model().module()).entrySet()) {
            if (!torch.isfinite(e.getValue()).all().item_bool()) {
                return e.getKey();
            }
        }
        return "?";
    }
}
