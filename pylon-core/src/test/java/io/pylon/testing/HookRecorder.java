package io.pylon.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.pylon.trainer.EvalResult;
import io.pylon.trainer.StepResult;
import io.pylon.trainer.TrainerView;
import io.pylon.trainer.callback.Callback;

/** Records every hook call as a short string, to pin the hook order in tests. */
public final class HookRecorder implements Callback {

    private final List<String> calls = new ArrayList<>();

    public List<String> calls() {
        return calls;
    }

    @Override
    public String name() {
        return "hook_recorder";
    }

    @Override
    public void onFitStart(TrainerView trainer) {
        calls.add("fit_start");
    }

    @Override
    public void onFitEnd(TrainerView trainer) {
        calls.add("fit_end");
    }

    @Override
    public void onEpochStart(TrainerView trainer, int epoch) {
        calls.add("epoch_start:" + epoch);
    }

    @Override
    public void onTrainBatchEnd(TrainerView trainer, StepResult step) {
        calls.add("batch_end:" + step.globalStep());
    }

    @Override
    public void onEpochEnd(TrainerView trainer, EvalResult train) {
        calls.add("epoch_end:" + train.epoch());
    }

    @Override
    public void onValidationEnd(TrainerView trainer, EvalResult result) {
        calls.add(result.split() + "_end:" + result.globalStep());
    }

    @Override
    public void onTestEnd(TrainerView trainer, EvalResult result) {
        calls.add("test_end:" + result.globalStep());
    }

    @Override
    public void onCheckpointSave(TrainerView trainer, Path file) {
        calls.add("checkpoint_save:" + file.getFileName());
    }

    @Override
    public void onCheckpointLoad(TrainerView trainer, Path file) {
        calls.add("checkpoint_load:" + file.getFileName());
    }

    @Override
    public void onException(TrainerView trainer, Throwable error) {
        calls.add("exception:" + error.getClass().getSimpleName());
    }
}
