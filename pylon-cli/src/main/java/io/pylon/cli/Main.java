package io.pylon.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import io.pylon.PylonUserException;
import io.pylon.cli.runs.RunsCommand;

/** Entry point of {@code pylon}. */
@Command(name = "pylon", mixinStandardHelpOptions = true, version = "pylon 0.1.0",
        description = "Train, evaluate and compare deep-learning models from one YAML config.",
        subcommands = {TrainCommand.class, GenerateCommand.class, ConfigCommand.class, PredictCommand.class,
                EvaluateCommand.class, BenchCommand.class, DataCommand.class, RunsCommand.class, UiCommand.class,
                TuneCommand.class, StudyCommand.class, LaunchCommand.class, FindCommand.class})
public final class Main {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command line and returns its exit code (2 for user mistakes, 1 for failures). */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler((error, commandLine, parseResult) -> {
            boolean debug = false;
            // --debug may sit on any level of nested subcommands (pylon data pack --debug)
            for (CommandLine.ParseResult level = parseResult; level != null; level = level.subcommand()) {
                debug |= level.hasMatchedOption("--debug");
            }
            Throwable cause = error;
            if (cause instanceof PylonUserException && !debug) {
                System.err.println("error: " + cause.getMessage());
                return 2;
            }
            cause.printStackTrace(System.err);
            return 1;
        });
        return cli.execute(args);
    }
}
