package io.pylon.trainer.strategy;

/** A collective that failed or timed out: another rank died, hung or cannot be reached. */
public final class DistributedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    DistributedException(String message, Throwable cause) {
        super(message, cause);
    }
}
