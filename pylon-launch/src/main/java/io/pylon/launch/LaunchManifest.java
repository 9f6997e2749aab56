package io.pylon.launch;

import java.util.List;
import java.util.Map;

/**
 * {@code launch.json}: everything needed to continue a launch after the launcher restarts.
 *
 * @param name            the launch's folder name under the launches directory
 * @param executor        local | ssh | slurm
 * @param executorOptions the executor's parameters as given on the command line (bound again on restart)
 * @param program         the command that runs {@code train ...} on the executing machine; empty = the
 *                        executor's default (an SSH host's {@code pylon:}, {@code ./pylon} for Slurm)
 * @param maxAttempts     attempts per job before it counts as failed (exit status 2 is never retried)
 * @param jobs            the jobs, in order
 */
public record LaunchManifest(String name, String executor, Map<String, String> executorOptions, List<String> program,
        int maxAttempts, List<Job> jobs) {

    public LaunchManifest {
        executorOptions = Map.copyOf(executorOptions);
        program = List.copyOf(program);
        jobs = List.copyOf(jobs);
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("max attempts must be >= 1, got " + maxAttempts);
        }
    }
}
