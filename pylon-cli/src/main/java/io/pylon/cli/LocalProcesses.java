package io.pylon.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.pylon.PylonUserException;

/**
 * Runs {@code pylon ...} command lines as child processes of this one (same JVM, same classpath), each with
 * its output in a log file; what {@code --jobs N} of {@code tune} and {@code train -m} use.
 */
public final class LocalProcesses {

    /** A started child and where its output goes. */
    public record Child(Process process, Path log) {
    }

    private LocalProcesses() {
    }

    public static Child start(List<String> pylonArguments, Path log) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("--enable-native-access=ALL-UNNAMED");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Main.class.getName());
        command.addAll(pylonArguments);
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            return new Child(process, log);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + String.join(" ", pylonArguments) + ": " + e.getMessage(), e);
        }
    }

    /** Waits for a child; returns its exit code. */
    public static int await(Child child) {
        try {
            return child.process().waitFor();
        } catch (InterruptedException e) {
            child.process().destroy();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + child.log(), e);
        }
    }

    /** The child's {@code error:} line, if it printed one (a user mistake that every child would repeat). */
    public static void rethrowUserError(Child child, int exitCode) {
        if (exitCode != 2) {
            return;
        }
        try {
            for (String line : Files.readAllLines(child.log(), StandardCharsets.UTF_8)) {
                if (line.startsWith("error: ")) {
                    throw new PylonUserException(line.substring("error: ".length()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
