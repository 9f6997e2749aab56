package io.pylon.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricsLogTest {

    @TempDir
    Path dir;

    @Test
    void eachRecordIsOneJsonLineWithStepEpochSplit() {
        Path file = dir.resolve("metrics.jsonl");
        try (MetricsLog log = MetricsLog.append(file)) {
            log.log(1, 0, "train", Map.of("loss", 2.5));
            log.log(2, 0, "val", Map.of("accuracy", 0.75, "loss", Double.NaN));
        }
        var records = MetricsLog.read(file);
        assertThat(records).hasSize(2);
        assertThat(records.get(0).path("step").asLong()).isEqualTo(1);
        assertThat(records.get(0).path("split").asText()).isEqualTo("train");
        assertThat(records.get(0).path("loss").asDouble()).isEqualTo(2.5);
        assertThat(records.get(1).path("loss").asText()).isEqualTo("NaN");
    }

    @Test
    void resumeMovesLinesAfterTheCheckpointAsideInsteadOfDuplicatingThem() throws Exception {
        Path file = dir.resolve("metrics.jsonl");
        try (MetricsLog log = MetricsLog.append(file)) {
            for (int step = 1; step <= 5; step++) {
                log.log(step, 0, "train", Map.of("loss", (double) step));
            }
        }
        try (MetricsLog log = MetricsLog.resume(file, 3)) {
            log.log(4, 0, "train", Map.of("loss", 4.0));
        }
        assertThat(MetricsLog.read(file)).extracting(n -> n.path("step").asLong()).containsExactly(1L, 2L, 3L, 4L);
        Path aside = dir.resolve("metrics.jsonl.after-step-3");
        assertThat(Files.readAllLines(aside)).hasSize(2);
        JsonNode first = MetricsLog.read(aside).get(0);
        assertThat(first.path("step").asLong()).isEqualTo(4);
    }
}
