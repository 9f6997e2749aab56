package io.pylon.cli.runs;

import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import io.pylon.track.RunIndex;
import io.pylon.track.RunReports;

/** {@code pylon runs show RUN}. */
@Command(name = "show", description = "A run's status, config and metric summary.")
final class RunsShowCommand implements Callable<Integer> {

    @Mixin
    RunsOptions options;

    @Parameters(paramLabel = "RUN", description = "experiment/run (or a unique run name)")
    String run;

    @Override
    public Integer call() {
        try (RunIndex index = options.openIndex()) {
            System.out.print(RunReports.show(RunsOptions.named(index, List.of(run)).get(0)));
        }
        return 0;
    }
}
