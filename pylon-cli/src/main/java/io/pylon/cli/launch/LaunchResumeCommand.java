package io.pylon.cli.launch;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code pylon launch resume LAUNCH}: continues a launch whose launcher stopped (killed, machine
 * restarted). Jobs still running are adopted, lost ones are started again from their last checkpoint.
 */
@Command(name = "resume", description = "Continue a launch whose launcher stopped: adopt running jobs, start the rest.")
public final class LaunchResumeCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "LAUNCH", description = "launch folder (or its name under launches/)")
    String launch;

    @Option(names = "--debug", description = "show stack traces for user errors")
    boolean debug;

    @Override
    public Integer call() throws Exception {
        return LaunchDriver.resume(LaunchArgument.open(launch).dir());
    }
}
