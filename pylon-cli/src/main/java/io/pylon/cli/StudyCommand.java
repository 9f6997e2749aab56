package io.pylon.cli;

import picocli.CommandLine.Command;

import io.pylon.cli.study.StudyAskCommand;
import io.pylon.cli.study.StudyBestCommand;
import io.pylon.cli.study.StudyExportCommand;
import io.pylon.cli.study.StudyTellCommand;
import io.pylon.cli.study.StudyTrialsCommand;

/** {@code pylon study ...}: ask/tell access to a study's storage and samplers from any program. */
@Command(name = "study", description = "Ask for trials and tell results from any program (JSON in and out).",
        subcommands = {StudyAskCommand.class, StudyTellCommand.class, StudyBestCommand.class, StudyTrialsCommand.class,
                StudyExportCommand.class})
final class StudyCommand {
}
