package io.pylon.launch;

import java.time.Duration;

/**
 * When an ended attempt is tried again: never for exit status 0 or 2 (a user mistake, e.g. a bad
 * config: retrying cannot help), otherwise until {@code maxAttempts}, each retry waiting twice as long
 * as the one before it, starting at {@code backoff}.
 */
public record RetryPolicy(int maxAttempts, Duration backoff) {

    public static final int USER_ERROR_STATUS = 2;

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("max attempts must be >= 1, got " + maxAttempts);
        }
    }

    public boolean retries(int exitStatus, int attemptsSoFar) {
        return exitStatus != 0 && exitStatus != USER_ERROR_STATUS && attemptsSoFar < maxAttempts;
    }

    /** The wait before starting attempt {@code attemptsSoFar + 1}. */
    public Duration delayAfter(int attemptsSoFar) {
        return backoff.multipliedBy(1L << Math.min(attemptsSoFar - 1, 10));
    }
}
