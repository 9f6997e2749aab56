package io.pylon.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PerSampleWriterTest {

    @TempDir
    Path run;

    @Test
    void writesOneOrderedFilePerEvaluation() throws Exception {
        Map<Long, Double> dice = new LinkedHashMap<>();
        dice.put(17L, 0.5);
        dice.put(3L, 0.25);
        dice.put(120L, Double.NaN);
        Map<String, Map<Long, Double>> scores = Map.of("dice/mean", dice);
        Path file = PerSampleWriter.write(run, "val", 123, scores);
        assertThat(file).isEqualTo(run.resolve("per_sample/val-step-000123.json"));
        String text = Files.readString(file);
        assertThat(text.indexOf("\"3\"")).isLessThan(text.indexOf("\"17\""));
        assertThat(text.indexOf("\"17\"")).isLessThan(text.indexOf("\"120\""));
        assertThat(text).contains("\"split\" : \"val\"").contains("\"step\" : 123");
        Map<String, Map<Long, Double>> back = PerSampleWriter.read(file);
        assertThat(back.get("dice/mean").keySet()).containsExactly(3L, 17L, 120L);
        assertThat(back.get("dice/mean").get(17L)).isEqualTo(0.5);
        assertThat(back.get("dice/mean").get(120L)).isNull();
        assertThat(Files.list(file.getParent())).hasSize(1);
    }
}
