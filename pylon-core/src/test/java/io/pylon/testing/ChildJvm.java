package io.pylon.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a main class in a fresh JVM on the test classpath (clean native caches, a fixed heap). */
public final class ChildJvm {

    /** The child's exit code and everything it printed. */
    public record Result(boolean finished, int exitCode, String output) {
    }

    private ChildJvm() {
    }

    /** Runs {@code main} with {@code jvmArgs}, its output going to {@code outputFile}; waits up to 5 minutes. */
    public static Result run(Class<?> main, Path outputFile, String... jvmArgs)
            throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "--enable-native-access=ALL-UNNAMED",
                "--sun-misc-unsafe-memory-access=allow"));
        command.addAll(List.of(jvmArgs));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(outputFile.toFile())
                .start();
        boolean done = process.waitFor(5, TimeUnit.MINUTES);
        if (!done) {
            process.destroyForcibly();
        }
        return new Result(done, done ? process.exitValue() : -1, Files.readString(outputFile, StandardCharsets.UTF_8));
    }
}
