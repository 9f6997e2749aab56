package io.pylon.launch;

/**
 * One line of {@code journal.jsonl}: a fact about a job, appended as it happens.
 *
 * @param job     job id
 * @param type    what happened
 * @param attempt 1 for the first start, 2 for the first retry, ...
 * @param where   the slot, host or Slurm job that runs the attempt
 * @param handle  what the executor needs to find the attempt again (pid, host + pid, Slurm job id)
 * @param exit    the exit status for {@code FINISHED}/{@code FAILED}/{@code REQUEUED}, -1 when the process was lost
 * @param message why, for people reading {@code pylon launch status}
 * @param time    epoch milliseconds
 */
public record JournalEvent(String job, Type type, int attempt, String where, String handle, int exit, String message,
        long time) {

    /** Closed set of journal facts; replaying them in order gives every job's {@link JobState}. */
    public enum Type {
        STARTED,
        FINISHED,
        FAILED,
        /** The attempt ended (non-zero exit, process or host lost) and the job will be started again. */
        REQUEUED,
        CANCELLED
    }

    public JournalEvent {
        where = where == null ? "" : where;
        handle = handle == null ? "" : handle;
        message = message == null ? "" : message;
    }
}
