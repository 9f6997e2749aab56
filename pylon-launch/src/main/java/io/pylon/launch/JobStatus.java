package io.pylon.launch;

/**
 * A job's state as rebuilt from the journal.
 *
 * @param attempts attempts started so far
 * @param where    where the latest attempt ran
 * @param handle   the executor's handle of the latest attempt
 * @param exit     the latest exit status, -1 when none or lost
 * @param message  the latest reason given (requeue, failure)
 */
public record JobStatus(Job job, JobState state, int attempts, String where, String handle, int exit, String message) {

    static JobStatus pending(Job job) {
        return new JobStatus(job, JobState.PENDING, 0, "", "", -1, "");
    }

    JobStatus apply(JournalEvent event) {
        return switch (event.type()) {
            case STARTED -> new JobStatus(job, JobState.RUNNING, event.attempt(), event.where(), event.handle(), -1, "");
            case FINISHED -> new JobStatus(job, JobState.FINISHED, attempts, where, handle, event.exit(), event.message());
            case FAILED -> new JobStatus(job, JobState.FAILED, attempts, where, handle, event.exit(), event.message());
            case REQUEUED -> new JobStatus(job, JobState.PENDING, attempts, where, handle, event.exit(), event.message());
            case CANCELLED -> new JobStatus(job, JobState.CANCELLED, attempts, where, handle, event.exit(), event.message());
        };
    }
}
