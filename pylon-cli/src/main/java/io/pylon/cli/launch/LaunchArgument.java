package io.pylon.cli.launch;

import java.nio.file.Files;
import java.nio.file.Path;

import io.pylon.PylonUserException;
import io.pylon.launch.JobStatus;
import io.pylon.launch.LaunchJournal;

/** Finds a launch folder from what the user typed: a path, or a name under {@code launches/}. */
final class LaunchArgument {

    private LaunchArgument() {
    }

    static LaunchJournal open(String launch) {
        Path path = Path.of(launch);
        if (!Files.exists(path.resolve(LaunchJournal.MANIFEST)) && Files.exists(Path.of("launches", launch))) {
            path = Path.of("launches", launch);
        }
        return LaunchJournal.open(path);
    }

    static JobStatus job(LaunchJournal journal, String jobId) {
        JobStatus status = journal.statuses().get(jobId);
        if (status == null) {
            throw new PylonUserException("launch " + journal.dir() + " has no job '" + jobId + "'; its jobs are "
                    + String.join(", ", journal.statuses().keySet()));
        }
        return status;
    }
}
