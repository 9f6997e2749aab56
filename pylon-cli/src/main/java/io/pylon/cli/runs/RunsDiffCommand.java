package io.pylon.cli.runs;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import io.pylon.track.RunIndex;
import io.pylon.track.RunReports;

/** {@code pylon runs diff RUN RUN}: the config keys whose values differ. */
@Command(name = "diff", description = "The config keys whose values differ between two (or more) runs.")
final class RunsDiffCommand implements Callable<Integer> {

    @Mixin
    RunsOptions options;

    @Parameters(paramLabel = "RUN", arity = "2..*", description = "experiment/run (or a unique run name)")
    List<String> runs = new ArrayList<>();

    @Override
    public Integer call() {
        try (RunIndex index = options.openIndex()) {
            System.out.print(RunReports.diff(RunsOptions.named(index, runs)));
        }
        return 0;
    }
}
