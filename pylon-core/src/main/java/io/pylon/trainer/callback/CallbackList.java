package io.pylon.trainer.callback;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.pylon.PylonUserException;
import io.pylon.trainer.EvalResult;
import io.pylon.trainer.StepResult;
import io.pylon.trainer.TrainerView;

/** Calls one hook on every callback in order; a failing callback is named in the error. */
public final class CallbackList implements Callback {

    private static final Logger LOG = LoggerFactory.getLogger(CallbackList.class);
    private final List<Callback> callbacks;

    public CallbackList(List<Callback> callbacks) {
        this.callbacks = List.copyOf(callbacks);
    }

    public List<Callback> callbacks() {
        return callbacks;
    }

    @Override
    public String name() {
        return "callbacks";
    }

    private void each(String hook, Consumer<Callback> call) {
        for (Callback c : callbacks) {
            try {
                call.accept(c);
            } catch (CallbackException | PylonUserException e) {
                throw e;
            } catch (RuntimeException e) {
                throw new CallbackException(c.name(), hook, e);
            }
        }
    }

    @Override
    public void onFitStart(TrainerView t) {
        each("onFitStart", c -> c.onFitStart(t));
    }

    @Override
    public void onFitEnd(TrainerView t) {
        each("onFitEnd", c -> c.onFitEnd(t));
    }

    @Override
    public void onEpochStart(TrainerView t, int epoch) {
        each("onEpochStart", c -> c.onEpochStart(t, epoch));
    }

    @Override
    public void onTrainBatchEnd(TrainerView t, StepResult step) {
        each("onTrainBatchEnd", c -> c.onTrainBatchEnd(t, step));
    }

    @Override
    public void onEpochEnd(TrainerView t, EvalResult train) {
        each("onEpochEnd", c -> c.onEpochEnd(t, train));
    }

    @Override
    public void onValidationEnd(TrainerView t, EvalResult result) {
        each("onValidationEnd", c -> c.onValidationEnd(t, result));
    }

    @Override
    public void onTestEnd(TrainerView t, EvalResult result) {
        each("onTestEnd", c -> c.onTestEnd(t, result));
    }

    @Override
    public void onCheckpointSave(TrainerView t, Path file) {
        each("onCheckpointSave", c -> c.onCheckpointSave(t, file));
    }

    @Override
    public void onCheckpointLoad(TrainerView t, Path file) {
        each("onCheckpointLoad", c -> c.onCheckpointLoad(t, file));
    }

    /** Every callback sees the error even if another one fails while handling it. */
    @Override
    public void onException(TrainerView t, Throwable error) {
        for (Callback c : callbacks) {
            try {
                c.onException(t, error);
            } catch (RuntimeException e) {
                error.addSuppressed(e);
                LOG.error("callback '{}' failed while handling an earlier error: {}", c.name(), e.toString());
            }
        }
    }
}
