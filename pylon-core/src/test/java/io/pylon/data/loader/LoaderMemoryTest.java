package io.pylon.data.loader;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Thousands of batches through the threaded loader leave native memory where the first epochs put it. The
 * loop runs in a child JVM with a fixed, pre-touched heap: in the test JVM the heap grows and shrinks with
 * other tests' garbage, which resident memory cannot tell apart from a native leak.
 */
@Tag("slow")
class LoaderMemoryTest {

    @TempDir
    Path dir;

    @Test
    void nativeMemoryStaysFlatOverThousandsOfBatches() throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path output = dir.resolve("out.txt");
        Process process = new ProcessBuilder(List.of(java.toString(), "--enable-native-access=ALL-UNNAMED",
                "--sun-misc-unsafe-memory-access=allow", "-Xms384m", "-Xmx384m", "-XX:+AlwaysPreTouch", "-cp",
                System.getProperty("java.class.path"), LoaderMemoryMain.class.getName()))
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        boolean done = process.waitFor(5, TimeUnit.MINUTES);
        String log = Files.readString(output, StandardCharsets.UTF_8);
        assertThat(done).as("child finished; output:\n%s", log).isTrue();
        assertThat(process.exitValue()).as("exit code; output:\n%s", log).isZero();
        Matcher m = Pattern.compile("batches=(\\d+) tracked_growth=(-?\\d+) resident_growth=(-?\\d+)").matcher(log);
        assertThat(m.find()).as(log).isTrue();
        assertThat(Long.parseLong(m.group(1))).isEqualTo(3200);
        // JavaCPP's own allocations stay put; resident memory grows by less than 32 MiB, where leaking the
        // batches (2.4 MiB an epoch) would add ~230 MiB over the 95 measured epochs
        assertThat(Long.parseLong(m.group(2))).as(log).isLessThan(64 << 10);
        assertThat(Long.parseLong(m.group(3))).as(log).isLessThan(32L << 20);
    }
}
