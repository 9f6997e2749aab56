package io.pylon.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunStatusWriterTest {

    /** A clock the test moves by hand. */
    private static final class ManualClock extends Clock {
        private Instant now = Instant.parse("2026-03-01T12:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void heartbeatIsWrittenAtMostOncePerInterval(@TempDir Path root) {
        RunDirectory dir = RunDirectory.create(root, "e", "r", Clock.systemUTC());
        ManualClock clock = new ManualClock();
        try (RunStatusWriter writer = RunStatusWriter.begin(dir, clock, Duration.ofSeconds(10), 0)) {
            RunStatus first = RunStatus.read(dir.status()).orElseThrow();
            assertThat(first.state()).isEqualTo(RunState.RUNNING);
            assertThat(first.pid()).isEqualTo(ProcessHandle.current().pid());
            assertThat(first.codeVersion()).startsWith("git:");

            clock.advance(Duration.ofSeconds(3));
            writer.heartbeat(5);
            assertThat(RunStatus.read(dir.status()).orElseThrow().step()).isZero();
            clock.advance(Duration.ofSeconds(8));
            writer.heartbeat(9);
            RunStatus beat = RunStatus.read(dir.status()).orElseThrow();
            assertThat(beat.step()).isEqualTo(9);
            assertThat(beat.heartbeat()).isEqualTo(clock.instant());
        }
        RunStatus end = RunStatus.read(dir.status()).orElseThrow();
        assertThat(end.state()).isEqualTo(RunState.FINISHED);
        assertThat(end.ended()).contains(clock.instant());
        assertThat(RunHealth.of(dir, clock.instant(), RunHealth.DEFAULT_STALE_AFTER)).isEqualTo(RunHealth.FINISHED);
    }

    @Test
    void failureKeepsTheFirstLineOfTheErrorAndSurvivesClose(@TempDir Path root) {
        RunDirectory dir = RunDirectory.create(root, "e", "r", Clock.systemUTC());
        try (RunStatusWriter writer = RunStatusWriter.begin(dir, Clock.systemUTC(), Duration.ofSeconds(10), 0)) {
            writer.fail(new IllegalStateException("loss is NaN at step 7\nmore detail"));
        }
        RunStatus end = RunStatus.read(dir.status()).orElseThrow();
        assertThat(end.state()).isEqualTo(RunState.FAILED);
        assertThat(end.error()).isEqualTo("IllegalStateException: loss is NaN at step 7");
    }

    @Test
    void aDamagedStatusFileReadsAsUnknownNotAsAnError(@TempDir Path root) throws IOException {
        RunDirectory dir = RunDirectory.create(root, "e", "r", Clock.systemUTC());
        Files.writeString(dir.status(), "{\"state\": \"runn");
        assertThat(RunStatus.read(dir.status())).isEmpty();
        assertThat(RunHealth.of(dir, Instant.now(), RunHealth.DEFAULT_STALE_AFTER)).isEqualTo(RunHealth.UNKNOWN);
    }
}
