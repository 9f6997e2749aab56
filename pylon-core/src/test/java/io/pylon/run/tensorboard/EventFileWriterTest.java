package io.pylon.run.tensorboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventFileWriterTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T03:04:05.250Z"), ZoneOffset.UTC);

    @Test
    void crc32cOfTheReaderMatchesTheStandardCheckValue() {
        // RFC 3720 B.4 check value: CRC32C("123456789") = 0xE3069283
        assertThat(EventFileReader.crc32c("123456789".getBytes(StandardCharsets.US_ASCII), 0, 9)).isEqualTo(0xE3069283);
    }

    @Test
    void scalarsTextAndHistogramsReadBackThroughAnIndependentReader(@TempDir Path dir) throws IOException {
        Path file;
        try (EventFileWriter writer = EventFileWriter.create(dir, "host1", CLOCK)) {
            writer.text("config", 0, "    seed: 3\n    optim: {lr: 0.001}");
            writer.scalar("train/loss", 1, 2.5);
            writer.scalar("train/loss", 300, 0.125);
            writer.histogram("weights/fc.weight", 300, Histogram.of(new float[] {-1, 0, 0.5f, 1, Float.NaN}, 4));
            file = writer.file();
        }
        assertThat(file.getFileName().toString()).isEqualTo("events.out.tfevents." + CLOCK.instant().getEpochSecond() + ".host1");
        List<EventFileReader.Event> events = EventFileReader.read(file);
        assertThat(events).hasSize(5);
        assertThat(events.get(0).fileVersion()).isEqualTo("brain.Event:2");
        assertThat(events.get(0).wallTime()).isEqualTo(1767323045.25);

        EventFileReader.Value text = events.get(1).values().get(0);
        assertThat(text.tag()).isEqualTo("config");
        assertThat(text.pluginName()).isEqualTo("text");
        assertThat(text.text()).contains("optim: {lr: 0.001}");

        assertThat(events.get(2).values().get(0).simpleValue()).isEqualTo(2.5f);
        assertThat(events.get(3).step()).isEqualTo(300);
        assertThat(events.get(3).values().get(0).simpleValue()).isEqualTo(0.125f);

        double[] histogram = events.get(4).values().get(0).histogram();
        // min, max, count (NaN left out), sum, sum of squares, then 4 buckets over [-1, 1]
        assertThat(histogram).containsExactly(-1, 1, 4, 0.5, 2.25, 1, 0, 1, 2);
    }

    @Test
    void aFlippedByteIsCaughtByTheChecksum(@TempDir Path dir) throws IOException {
        Path file;
        try (EventFileWriter writer = EventFileWriter.create(dir, "h", CLOCK)) {
            writer.scalar("loss", 1, 1.0);
            file = writer.file();
        }
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 6] ^= 1;
        Files.write(file, bytes);
        assertThatThrownBy(() -> EventFileReader.read(file)).hasMessageContaining("checksum");
    }

    @Test
    void reopenedFileAppendsWithoutASecondHeader(@TempDir Path dir) throws IOException {
        Path file;
        try (EventFileWriter writer = EventFileWriter.create(dir, "h", CLOCK)) {
            writer.scalar("val/loss", 1, 1.0);
            file = writer.file();
        }
        try (EventFileWriter writer = EventFileWriter.reopen(file, CLOCK)) {
            writer.scalar("test/loss", 2, 0.5);
        }
        List<EventFileReader.Event> events = EventFileReader.read(file);
        assertThat(events).extracting(EventFileReader.Event::fileVersion).containsExactly("brain.Event:2", null, null);
    }
}
