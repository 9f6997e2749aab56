package io.pylon.launch.ssh;

import io.pylon.config.Default;
import io.pylon.config.InvalidValueException;

/**
 * Parameters of the {@code ssh} executor.
 *
 * @param hosts          the hosts file ({@link SshHosts})
 * @param retries        failed health checks in a row after which a host counts as dead and its jobs are
 *                       rescheduled
 * @param retryBackoffS  seconds before the first re-check of a failing host; doubled after each failure
 * @param commandTimeoutS seconds a status or start command may take on a host
 */
public record SshParams(String hosts, @Default("3") int retries, @Default("1.0") double retryBackoffS,
        @Default("30") int commandTimeoutS) {

    public SshParams {
        InvalidValueException.require(!hosts.isBlank(), "hosts", "give the hosts file: --hosts FILE");
        InvalidValueException.require(retries >= 1, "retries", "must be >= 1, got %d", retries);
        InvalidValueException.require(retryBackoffS > 0, "retry_backoff_s", "must be > 0, got %s", retryBackoffS);
        InvalidValueException.require(commandTimeoutS >= 1, "command_timeout_s", "must be >= 1, got %d", commandTimeoutS);
    }
}
