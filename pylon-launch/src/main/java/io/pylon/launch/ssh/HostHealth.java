package io.pylon.launch.ssh;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Health of one host: consecutive failures and when to check again. A host takes jobs only while it
 * has no failures; after {@code retries} failures in a row it is dead (its jobs are rescheduled) until
 * a later check succeeds. Re-checks back off exponentially, capped at a minute.
 */
final class HostHealth {

    private final int retries;
    private final Duration backoff;
    private final Clock clock;
    private int failures;
    private Instant nextCheck = Instant.MIN;
    private String lastError = "";

    HostHealth(int retries, Duration backoff, Clock clock) {
        this.retries = retries;
        this.backoff = backoff;
        this.clock = clock;
    }

    boolean healthy() {
        return failures == 0;
    }

    boolean dead() {
        return failures >= retries;
    }

    boolean checkDue() {
        return failures > 0 && !clock.instant().isBefore(nextCheck);
    }

    void succeeded() {
        failures = 0;
        lastError = "";
    }

    void failed(String error) {
        failures++;
        lastError = error;
        Duration wait = backoff.multipliedBy(1L << Math.min(failures - 1, 10));
        nextCheck = clock.instant().plus(wait.compareTo(Duration.ofMinutes(1)) > 0 ? Duration.ofMinutes(1) : wait);
    }

    String lastError() {
        return lastError;
    }
}
