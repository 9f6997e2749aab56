package io.pylon.run;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.LongPredicate;

/**
 * What a run directory's state really is, judged from its {@code status.json}, the clock and whether
 * its process still lives:
 * <ul>
 *   <li>{@code RUNNING}: says running, heartbeat fresh;</li>
 *   <li>{@code FINISHED} / {@code FAILED}: as written at its end;</li>
 *   <li>{@code STUCK}: says running but the heartbeat is stale while its process lives (hung), or the
 *       process is gone and there is no checkpoint to resume from;</li>
 *   <li>{@code INTERRUPTED}: stopped by a signal, or gone while a {@code last.ckpt} exists (resumable
 *       with {@code pylon train --resume}).</li>
 * </ul>
 * Runs written before status files existed have no status: {@code UNKNOWN}.
 */
public enum RunHealth {
    RUNNING, FINISHED, FAILED, STUCK, INTERRUPTED, UNKNOWN;

    /** Heartbeats older than this mean the run is no longer making progress. */
    public static final Duration DEFAULT_STALE_AFTER = Duration.ofMinutes(5);

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Classifies {@code dir} now, with processes of this host looked up through {@link ProcessHandle}. */
    public static RunHealth of(RunDirectory dir, Instant now, Duration staleAfter) {
        return classify(RunStatus.read(dir.status()), now, staleAfter, RunHealth::processAlive,
                Files.isRegularFile(dir.lastCheckpoint()));
    }

    /** The decision itself, with the process check and checkpoint presence given (so tests pin every case). */
    public static RunHealth classify(Optional<RunStatus> status, Instant now, Duration staleAfter,
                                     LongPredicate aliveOnThisHost, boolean hasCheckpoint) {
        if (status.isEmpty()) {
            return UNKNOWN;
        }
        RunStatus s = status.get();
        switch (s.state()) {
            case FINISHED:
                return FINISHED;
            case FAILED:
                return FAILED;
            case INTERRUPTED:
                return INTERRUPTED;
            default:
                break;
        }
        boolean fresh = Duration.between(s.heartbeat(), now).compareTo(staleAfter) <= 0;
        boolean sameHost = s.host().equals(RunStatus.thisHost());
        // on another host the pid means nothing here: the heartbeat alone tells whether it lives
        boolean alive = sameHost ? aliveOnThisHost.test(s.pid()) : fresh;
        if (alive) {
            return fresh ? RUNNING : STUCK;
        }
        return hasCheckpoint ? INTERRUPTED : STUCK;
    }

    private static boolean processAlive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
}
