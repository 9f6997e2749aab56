package io.pylon.example;

import java.util.Map;

import io.pylon.config.Default;
import io.pylon.trainer.EvalResult;
import io.pylon.trainer.TrainerView;
import io.pylon.trainer.callback.Callback;

/**
 * Logs each epoch's wall-clock seconds under split {@code train}, an example of a plugin callback with
 * state (the epoch's start time) and parameters.
 */
public final class EpochTimer implements Callback {

    /**
     * Settings of {@code epoch_timer}.
     *
     * @param key the metrics.jsonl key the seconds are logged under
     */
    public record Params(@Default("epoch_seconds") String key) {
    }

    private final Params params;
    private long startNanos;

    public EpochTimer(Params params) {
        this.params = params;
    }

    @Override
    public String name() {
        return ExamplePlugin.CALLBACK;
    }

    @Override
    public void onEpochStart(TrainerView trainer, int epoch) {
        startNanos = System.nanoTime();
    }

    @Override
    public void onEpochEnd(TrainerView trainer, EvalResult train) {
        trainer.log("train", Map.of(params.key(), (System.nanoTime() - startNanos) / 1e9));
    }
}
