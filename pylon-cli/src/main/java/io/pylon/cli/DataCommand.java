package io.pylon.cli;

import picocli.CommandLine.Command;

import io.pylon.cli.data.DataInfoCommand;
import io.pylon.cli.data.DataPackCommand;
import io.pylon.cli.data.DataSynthCommand;
import io.pylon.cli.data.TokenizerCommand;

/** {@code pylon data ...}: preparing datasets (packing, inspecting, synthetic data, tokenizers). */
@Command(name = "data", description = "Prepare datasets: pack them into memory-mapped files, inspect packed files,"
        + " write synthetic data, train tokenizers.",
        subcommands = {DataPackCommand.class, DataInfoCommand.class, DataSynthCommand.class, TokenizerCommand.class})
final class DataCommand {
}
