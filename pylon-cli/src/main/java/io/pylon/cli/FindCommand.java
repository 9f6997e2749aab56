package io.pylon.cli;

import picocli.CommandLine.Command;

import io.pylon.cli.find.FindBatchSizeCommand;
import io.pylon.cli.find.FindLrCommand;

/** {@code pylon find ...}: finders that run a few steps of a config to suggest a setting. */
@Command(name = "find", description = "Suggest a learning rate or batch size by running a few training steps.",
        subcommands = {FindLrCommand.class, FindBatchSizeCommand.class})
final class FindCommand {
}
