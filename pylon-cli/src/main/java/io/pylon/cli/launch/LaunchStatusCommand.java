package io.pylon.cli.launch;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import io.pylon.launch.JobStatus;
import io.pylon.launch.LaunchJournal;

/** {@code pylon launch status LAUNCH}: one line per job, from the journal. */
@Command(name = "status", description = "List a launch's jobs: state, attempts, where, run directory.")
public final class LaunchStatusCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "LAUNCH", description = "launch folder (or its name under launches/)")
    String launch;

    @Option(names = "--debug", description = "show stack traces for user errors")
    boolean debug;

    @Override
    public Integer call() {
        LaunchJournal journal = LaunchArgument.open(launch);
        Map<String, Integer> counts = new TreeMap<>();
        System.out.printf("%-6s %-10s %-8s %-28s %s%n", "JOB", "STATE", "ATTEMPTS", "WHERE", "RUN DIRECTORY / NOTE");
        for (JobStatus status : journal.statuses().values()) {
            counts.merge(status.state().name().toLowerCase(java.util.Locale.ROOT), 1, Integer::sum);
            String note = status.message().isEmpty() ? "" : "  (" + status.message() + ")";
            System.out.printf("%-6s %-10s %-8d %-28s %s%s%n", status.job().id(),
                    status.state().name().toLowerCase(java.util.Locale.ROOT), status.attempts(), status.where(),
                    status.job().runDir(), note);
        }
        System.out.println(journal.dir() + ": " + counts);
        return 0;
    }
}
