package io.pylon.cli.launch;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import io.pylon.launch.Executors;
import io.pylon.launch.JobExecutor;
import io.pylon.launch.LaunchJournal;

/** {@code pylon launch logs LAUNCH JOB}: the output of a job (all its attempts), from wherever it runs. */
@Command(name = "logs", description = "Print a job's output (every attempt), fetched from where it runs.")
public final class LaunchLogsCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "LAUNCH", description = "launch folder (or its name under launches/)")
    String launch;

    @Parameters(index = "1", paramLabel = "JOB", description = "job id, as `pylon launch status` lists it")
    String job;

    @Option(names = "--debug", description = "show stack traces for user errors")
    boolean debug;

    @Override
    public Integer call() {
        LaunchJournal journal = LaunchArgument.open(launch);
        try (JobExecutor executor = Executors.create(journal.dir(), journal.manifest())) {
            System.out.print(executor.log(LaunchArgument.job(journal, job)));
        }
        return 0;
    }
}
