package io.pylon.cli;

import picocli.CommandLine.Command;

import io.pylon.cli.data.DataInfoCommand;
import io.pylon.cli.data.DataPackCommand;
import io.pylon.cli.data.TokenizerCommand;

/** {@code pylon data ...}: preparing datasets (packing into memory-mapped files, inspecting them). */
@Command(name = "data", description = "Prepare datasets: pack them into memory-mapped files, inspect packed files.",
        subcommands = {DataPackCommand.class, DataInfoCommand.class, TokenizerCommand.class})
final class DataCommand {
}
