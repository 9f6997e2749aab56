package io.pylon.data.loader;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.pylon.testing.ChildJvm;

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
        ChildJvm.Result child = ChildJvm.run(LoaderMemoryMain.class, dir.resolve("out.txt"), "-Xms384m", "-Xmx384m",
                "-XX:+AlwaysPreTouch");
        String log = child.output();
        assertThat(child.finished()).as("child finished; output:\n%s", log).isTrue();
        assertThat(child.exitCode()).as("exit code; output:\n%s", log).isZero();
        Matcher m = Pattern.compile("batches=(\\d+) tracked_growth=(-?\\d+) resident_growth=(-?\\d+)").matcher(log);
        assertThat(m.find()).as(log).isTrue();
        assertThat(Long.parseLong(m.group(1))).isEqualTo(3200);
        // JavaCPP's own allocations stay put; resident memory grows by less than 32 MiB, where leaking the
        // batches (2.4 MiB an epoch) would add ~230 MiB over the 95 measured epochs
        assertThat(Long.parseLong(m.group(2))).as(log).isLessThan(64 << 10);
        assertThat(Long.parseLong(m.group(3))).as(log).isLessThan(32L << 20);
    }
}
