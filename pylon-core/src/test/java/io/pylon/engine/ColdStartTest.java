package io.pylon.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.pylon.testing.OneStepMain;

/**
 * Starting from an empty JavaCPP cache used to crash in libtorch's static initialisation; Engine.start
 * extracts everything first. A child JVM with a fresh cache folder must train one step.
 */
@Tag("slow")
class ColdStartTest {

    @TempDir
    Path cache;

    @Test
    void trainsOneStepFromAnEmptyNativeCache() throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path output = cache.resolve("out.txt");
        Process process = new ProcessBuilder(List.of(java.toString(), "--enable-native-access=ALL-UNNAMED",
                "-Dorg.bytedeco.javacpp.cachedir=" + cache.resolve("javacpp"), "-cp", System.getProperty("java.class.path"),
                OneStepMain.class.getName()))
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        boolean done = process.waitFor(5, TimeUnit.MINUTES);
        String log = Files.readString(output, StandardCharsets.UTF_8);
        assertThat(done).as("child finished; output:\n%s", log).isTrue();
        assertThat(process.exitValue()).as("exit code; output:\n%s", log).isZero();
        assertThat(log).contains("ok ");
        try (var files = Files.walk(cache.resolve("javacpp"))) {
            assertThat(files.anyMatch(p -> p.getFileName().toString().startsWith("libtorch_cpu"))).isTrue();
        }
    }
}
