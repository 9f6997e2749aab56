package io.pylon.launch;

/**
 * An attempt an executor started.
 *
 * @param where  the slot, host or Slurm job, for people
 * @param handle what the executor needs to find the attempt again after a launcher restart
 */
public record StartedAttempt(Attempt attempt, String where, String handle) {
}
