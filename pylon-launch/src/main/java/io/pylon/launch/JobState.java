package io.pylon.launch;

/** Where a job stands, as rebuilt from the launch journal. */
public enum JobState {
    /** Not started yet, or waiting to be started again after its machine went away. */
    PENDING,
    RUNNING,
    /** Exited with status 0. */
    FINISHED,
    /** Exited non-zero with no attempts left, or with exit status 2 (a user mistake: retrying cannot help). */
    FAILED,
    CANCELLED;

    public boolean done() {
        return this == FINISHED || this == FAILED || this == CANCELLED;
    }
}
