package io.pylon.launch;

/** What an executor knows about a started attempt. */
public sealed interface AttemptState {

    /** Still running. */
    record Running() implements AttemptState {
    }

    /** Ended; {@code status} as written by the job wrapper's exit file. */
    record Exited(int status) implements AttemptState {
    }

    /** Gone without an exit status: its process, host or Slurm job disappeared. */
    record Lost(String reason) implements AttemptState {
    }
}
