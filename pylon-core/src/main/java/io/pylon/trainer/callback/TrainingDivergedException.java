package io.pylon.trainer.callback;

import io.pylon.PylonUserException;

/** The loss or a parameter became NaN or infinite; training stopped at the named step. */
public final class TrainingDivergedException extends PylonUserException {

    public TrainingDivergedException(String message) {
        super(message);
    }
}
