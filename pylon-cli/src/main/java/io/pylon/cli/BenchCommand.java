package io.pylon.cli;

import picocli.CommandLine.Command;

import io.pylon.cli.bench.BenchDataCommand;
import io.pylon.cli.bench.BenchLaunchCommand;
import io.pylon.cli.bench.BenchLmCommand;
import io.pylon.cli.bench.BenchMetricsCommand;
import io.pylon.cli.bench.BenchOptimCommand;
import io.pylon.cli.bench.BenchPredictCommand;
import io.pylon.cli.bench.BenchStepCommand;
import io.pylon.cli.bench.BenchTuneCommand;
import io.pylon.cli.bench.BenchUiCommand;

/** {@code pylon bench ...}: benchmarks, reported as ratios measured side by side in one process. */
@Command(name = "bench", description = "Benchmarks (side by side in one process, reported as ratios).",
        subcommands = {BenchStepCommand.class, BenchOptimCommand.class, BenchDataCommand.class,
            BenchMetricsCommand.class, BenchPredictCommand.class, BenchUiCommand.class, BenchTuneCommand.class,
            BenchLaunchCommand.class, BenchLmCommand.class})
final class BenchCommand {
}
