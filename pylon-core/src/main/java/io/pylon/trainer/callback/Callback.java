package io.pylon.trainer.callback;

import java.nio.file.Path;

import io.pylon.trainer.EvalResult;
import io.pylon.trainer.StepResult;
import io.pylon.trainer.TrainerView;

/**
 * Hooks into the training loop; every hook defaults to doing nothing, so a callback overrides only
 * what it needs. Hooks run on the training thread in the order callbacks are listed.
 */
public interface Callback {

    /** The name used in config and for this callback's state in checkpoints. */
    String name();

    default void onFitStart(TrainerView trainer) {
    }

    default void onFitEnd(TrainerView trainer) {
    }

    default void onEpochStart(TrainerView trainer, int epoch) {
    }

    /** After an optimizer step (and its scheduler step). */
    default void onTrainBatchEnd(TrainerView trainer, StepResult step) {
    }

    /** After the epoch's training metrics and any epoch-end validation; {@code train} holds the former. */
    default void onEpochEnd(TrainerView trainer, EvalResult train) {
    }

    /** After a validation pass (during fit, or a standalone {@code validate}). */
    default void onValidationEnd(TrainerView trainer, EvalResult result) {
    }

    /** After the test pass (after fit): results to report, never to select checkpoints or stop on. */
    default void onTestEnd(TrainerView trainer, EvalResult result) {
    }

    default void onCheckpointSave(TrainerView trainer, Path file) {
    }

    default void onCheckpointLoad(TrainerView trainer, Path file) {
    }

    /** Training failed with {@code error}; the error is rethrown after every callback has seen it. */
    default void onException(TrainerView trainer, Throwable error) {
    }
}
