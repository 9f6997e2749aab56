package io.pylon.cli.runs;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import io.pylon.track.RunIndex;
import io.pylon.track.RunReports;

/** {@code pylon runs list}: one line per run with status, varying config values and best metrics. */
@Command(name = "list", description = "One line per run: status, the config values that vary, best metrics.")
final class RunsListCommand implements Callable<Integer> {

    @Mixin
    RunsOptions options;

    @Override
    public Integer call() {
        try (RunIndex index = options.openIndex()) {
            System.out.print(RunReports.list(options.selected(index)));
        }
        return 0;
    }
}
