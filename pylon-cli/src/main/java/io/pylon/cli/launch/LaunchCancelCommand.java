package io.pylon.cli.launch;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import io.pylon.launch.Executors;
import io.pylon.launch.JobExecutor;
import io.pylon.launch.JobState;
import io.pylon.launch.JobStatus;
import io.pylon.launch.JournalEvent;
import io.pylon.launch.LaunchJournal;

/** {@code pylon launch cancel LAUNCH [JOB...]}: stops running jobs and keeps pending ones from starting. */
@Command(name = "cancel", description = "Cancel a launch's jobs (all of them, or the JOBs named).")
public final class LaunchCancelCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "LAUNCH", description = "launch folder (or its name under launches/)")
    String launch;

    @Parameters(index = "1..*", paramLabel = "JOB", description = "job ids; none = every job not yet done")
    List<String> jobs = new ArrayList<>();

    @Option(names = "--debug", description = "show stack traces for user errors")
    boolean debug;

    @Override
    public Integer call() {
        LaunchJournal journal = LaunchArgument.open(launch);
        List<JobStatus> targets = new ArrayList<>();
        if (jobs.isEmpty()) {
            journal.statuses().values().stream().filter(s -> !s.state().done()).forEach(targets::add);
        } else {
            jobs.forEach(id -> targets.add(LaunchArgument.job(journal, id)));
        }
        try (JobExecutor executor = Executors.create(journal.dir(), journal.manifest())) {
            for (JobStatus status : targets) {
                if (status.state().done()) {
                    System.out.println(status.job().id() + ": already " + status.state().name().toLowerCase(java.util.Locale.ROOT));
                    continue;
                }
                // the event first, so that the scheduler does not take the killed attempt for a failure to retry
                journal.append(new JournalEvent(status.job().id(), JournalEvent.Type.CANCELLED, status.attempts(),
                        status.where(), status.handle(), -1, "cancelled", System.currentTimeMillis()));
                if (status.state() == JobState.RUNNING) {
                    executor.cancel(status);
                }
                System.out.println(status.job().id() + ": cancelled");
            }
        }
        return 0;
    }
}
