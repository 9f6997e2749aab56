package io.pylon.launch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives a launch to its end: starts pending jobs as the executor has room, records every start and
 * end in the journal, requeues attempts that failed or were lost (host died, process vanished) with
 * backoff. It keeps no state of its own between steps: every decision is taken from the replayed
 * journal, so a launcher killed at any point continues from the journal, and a {@code cancel} appended
 * by another process is respected.
 */
public final class Scheduler {

    private static final Logger LOG = LoggerFactory.getLogger(Scheduler.class);

    private final LaunchJournal journal;
    private final JobExecutor executor;
    private final RetryPolicy retries;
    private final Duration pollInterval;
    private final Clock clock;
    private final Map<String, Instant> notBefore = new HashMap<>();

    public Scheduler(LaunchJournal journal, JobExecutor executor, RetryPolicy retries, Duration pollInterval, Clock clock) {
        this.journal = journal;
        this.executor = executor;
        this.retries = retries;
        this.pollInterval = pollInterval;
        this.clock = clock;
    }

    /** Runs until every job is finished, failed or cancelled; returns the final states. */
    public Map<String, JobStatus> run() throws InterruptedException {
        executor.adopt(running(journal.statuses()));
        while (true) {
            boolean changed = collectEnded();
            Map<String, JobStatus> statuses = journal.statuses();
            if (statuses.values().stream().allMatch(s -> s.state().done())) {
                return statuses;
            }
            changed |= startPending(statuses);
            if (!changed) {
                executor.awaitChange(pollInterval);
            }
        }
    }

    private boolean collectEnded() {
        List<JobStatus> running = running(journal.statuses());
        Map<String, AttemptState> states = running.isEmpty() ? Map.of() : executor.pollAll(running);
        List<JobStatus> ended = running.stream()
                .filter(s -> !(states.getOrDefault(s.job().id(), new AttemptState.Running()) instanceof AttemptState.Running))
                .toList();
        if (ended.isEmpty()) {
            return false;
        }
        Map<String, JobStatus> now = journal.statuses();   // read again: `pylon launch cancel` may have written
        for (JobStatus status : ended) {
            executor.release(status);
            if (now.get(status.job().id()).state() == JobState.RUNNING) {
                journal.append(ended(status, states.get(status.job().id())));
            }
        }
        return true;
    }

    private JournalEvent ended(JobStatus status, AttemptState state) {
        String id = status.job().id();
        int attempt = status.attempts();
        long now = clock.millis();
        return switch (state) {
            case AttemptState.Exited(int code) when code == 0 -> {
                LOG.info("job {} finished ({})", id, status.where());
                yield event(status, JournalEvent.Type.FINISHED, 0, "", now);
            }
            case AttemptState.Exited(int code) when retries.retries(code, attempt) -> {
                LOG.warn("job {} attempt {} exited with status {} on {}; requeued", id, attempt, code, status.where());
                notBefore.put(id, clock.instant().plus(retries.delayAfter(attempt)));
                yield event(status, JournalEvent.Type.REQUEUED, code, "exit status " + code, now);
            }
            case AttemptState.Exited(int code) -> {
                String why = code == RetryPolicy.USER_ERROR_STATUS ? "a user error (exit status 2; see its log)"
                        : "exit status " + code + " after " + attempt + " attempt(s)";
                LOG.warn("job {} failed: {}", id, why);
                yield event(status, JournalEvent.Type.FAILED, code, why, now);
            }
            case AttemptState.Lost(String reason) when attempt < retries.maxAttempts() -> {
                LOG.warn("job {} attempt {} lost ({}); rescheduling, it resumes from its last checkpoint", id, attempt,
                        reason);
                notBefore.put(id, clock.instant().plus(retries.delayAfter(attempt)));
                yield event(status, JournalEvent.Type.REQUEUED, -1, reason, now);
            }
            case AttemptState.Lost(String reason) -> event(status, JournalEvent.Type.FAILED, -1,
                    reason + " after " + attempt + " attempt(s)", now);
            case AttemptState.Running running -> throw new IllegalStateException("running attempts have not ended");
        };
    }

    private boolean startPending(Map<String, JobStatus> statuses) {
        Instant now = clock.instant();
        List<Attempt> ready = new ArrayList<>();
        int free = executor.freeSlots();
        for (JobStatus status : statuses.values()) {
            if (ready.size() >= free) {
                break;
            }
            if (status.state() == JobState.PENDING && !now.isBefore(notBefore.getOrDefault(status.job().id(), now))) {
                ready.add(new Attempt(status.job(), status.attempts() + 1));
            }
        }
        if (ready.isEmpty()) {
            return false;
        }
        for (StartedAttempt started : executor.start(ready)) {
            Attempt attempt = started.attempt();
            journal.append(new JournalEvent(attempt.job().id(), JournalEvent.Type.STARTED, attempt.number(),
                    started.where(), started.handle(), -1, "", clock.millis()));
        }
        return true;
    }

    private static JournalEvent event(JobStatus status, JournalEvent.Type type, int exit, String message, long now) {
        return new JournalEvent(status.job().id(), type, status.attempts(), status.where(), status.handle(), exit,
                message, now);
    }

    static List<JobStatus> running(Map<String, JobStatus> statuses) {
        return statuses.values().stream().filter(s -> s.state() == JobState.RUNNING).toList();
    }
}
