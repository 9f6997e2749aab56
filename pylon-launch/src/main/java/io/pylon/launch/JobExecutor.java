package io.pylon.launch;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where jobs run: local processes, SSH hosts, a Slurm cluster. The {@link Scheduler} owns the journal
 * and the retry policy; an executor only starts attempts and reports on them by handle, so that a
 * restarted launcher can ask about attempts an earlier launcher started.
 */
public interface JobExecutor extends AutoCloseable {

    /** Checks everything that can be checked before a job starts (hosts reachable, partition exists ...). */
    void preflight();

    /** Takes over attempts that were running when an earlier launcher stopped (their slots are in use). */
    void adopt(Collection<JobStatus> running);

    /** How many more attempts may start now. */
    int freeSlots();

    /** Starts the given attempts (no more than {@link #freeSlots}) and says where each one runs. */
    List<StartedAttempt> start(List<Attempt> attempts);

    /** Where a running attempt stands. */
    AttemptState poll(JobStatus running);

    /** Where each running attempt stands (by job id); executors that pay per remote call batch this. */
    default Map<String, AttemptState> pollAll(List<JobStatus> running) {
        Map<String, AttemptState> states = new LinkedHashMap<>();
        for (JobStatus status : running) {
            states.put(status.job().id(), poll(status));
        }
        return states;
    }

    /** Frees what an ended attempt held (its slot). */
    void release(JobStatus ended);

    /** Stops a running attempt (its whole process tree). */
    void cancel(JobStatus running);

    /** The output of a job's latest attempt so far. */
    String log(JobStatus status);

    /** Waits up to {@code timeout} for something to change (an attempt ending); may return early. */
    default void awaitChange(Duration timeout) throws InterruptedException {
        Thread.sleep(timeout);
    }

    @Override
    default void close() {
    }
}
