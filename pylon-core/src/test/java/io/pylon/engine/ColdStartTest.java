package io.pylon.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.pylon.testing.ChildJvm;
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
        ChildJvm.Result child = ChildJvm.run(OneStepMain.class, cache.resolve("out.txt"),
                "-Dorg.bytedeco.javacpp.cachedir=" + cache.resolve("javacpp"));
        String log = child.output();
        assertThat(child.finished()).as("child finished; output:\n%s", log).isTrue();
        assertThat(child.exitCode()).as("exit code; output:\n%s", log).isZero();
        assertThat(log).contains("ok ");
        try (var files = Files.walk(cache.resolve("javacpp"))) {
            assertThat(files.anyMatch(p -> p.getFileName().toString().startsWith("libtorch_cpu"))).isTrue();
        }
    }
}
