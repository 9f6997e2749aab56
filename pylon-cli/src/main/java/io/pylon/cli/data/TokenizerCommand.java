package io.pylon.cli.data;

import picocli.CommandLine.Command;

/** {@code pylon data tokenizer ...}: tokenizers for text datasets. */
@Command(name = "tokenizer", description = "Tokenizers for text datasets.", subcommands = {TokenizerTrainCommand.class})
public final class TokenizerCommand {
}
