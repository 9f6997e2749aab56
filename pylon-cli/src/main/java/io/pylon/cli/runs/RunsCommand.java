package io.pylon.cli.runs;

import picocli.CommandLine.Command;

/** {@code pylon runs ...}. */
@Command(name = "runs", description = "List, inspect, compare and export runs (an index of the run directories).",
        subcommands = {RunsListCommand.class, RunsShowCommand.class, RunsCompareCommand.class, RunsDiffCommand.class,
                RunsExportCommand.class})
public final class RunsCommand {
}
