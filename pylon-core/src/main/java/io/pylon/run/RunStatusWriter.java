package io.pylon.run;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Keeps a run's {@code status.json} current: {@code running} at start, a heartbeat at most every
 * {@code interval} (so a step costs one clock read), {@code failed} with the error's first line, and
 * {@code finished} at close. A JVM shutdown (Ctrl-C, SIGTERM) while running writes {@code interrupted};
 * a SIGKILL writes nothing, which {@link RunHealth} recognises from the stale heartbeat and dead pid.
 */
public final class RunStatusWriter implements AutoCloseable {

    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(10);

    private final Path file;
    private final Clock clock;
    private final Duration interval;
    private final Thread onShutdown;
    private RunStatus status;
    private long step;

    private RunStatusWriter(Path file, Clock clock, Duration interval, RunStatus status) {
        this.file = file;
        this.clock = clock;
        this.interval = interval;
        this.status = status;
        this.onShutdown = new Thread(this::interruptedByShutdown, "pylon-run-status");
        status.write(file);
        Runtime.getRuntime().addShutdownHook(onShutdown);
    }

    /** Declares the run in {@code dir} running from {@code step} (0 for a new run, the checkpoint's on resume). */
    public static RunStatusWriter begin(RunDirectory dir, Clock clock, Duration interval, long step) {
        Instant now = clock.instant();
        RunStatus status = new RunStatus(RunState.RUNNING, ProcessHandle.current().pid(), RunStatus.thisHost(), now, now,
                Optional.empty(), step, "", CodeVersion.detect(Path.of("")));
        return new RunStatusWriter(dir.status(), clock, interval, status);
    }

    public synchronized void heartbeat(long atStep) {
        step = atStep;
        Instant now = clock.instant();
        if (status.state() == RunState.RUNNING && Duration.between(status.heartbeat(), now).compareTo(interval) >= 0) {
            status = status.withHeartbeat(now, atStep);
            status.write(file);
        }
    }

    public synchronized void fail(Throwable error) {
        if (status.state() == RunState.RUNNING) {
            status = status.withHeartbeat(clock.instant(), Math.max(step, status.step()))
                    .ended(RunState.FAILED, clock.instant(), summary(error));
            status.write(file);
        }
    }

    /** Finishes the run unless it failed; the shutdown hook is removed. */
    @Override
    public synchronized void close() {
        if (status.state() == RunState.RUNNING) {
            status = status.withHeartbeat(clock.instant(), Math.max(step, status.step()))
                    .ended(RunState.FINISHED, clock.instant(), "");
            status.write(file);
        }
        try {
            Runtime.getRuntime().removeShutdownHook(onShutdown);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is already exiting: the hook runs (and finds the run ended)
        }
    }

    public synchronized RunStatus current() {
        return status;
    }

    private synchronized void interruptedByShutdown() {
        if (status.state() == RunState.RUNNING) {
            status = status.withHeartbeat(clock.instant(), Math.max(step, status.step()))
                    .ended(RunState.INTERRUPTED, clock.instant(), "stopped by a signal");
            status.write(file);
        }
    }

    private static String summary(Throwable error) {
        String message = error.getMessage() == null ? "" : error.getMessage().lines().findFirst().orElse("");
        return error.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
    }
}
