package io.pylon.trainer.callback;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.pylon.run.MetricsLog;
import io.pylon.run.RunState;
import io.pylon.run.RunStatus;
import io.pylon.run.tensorboard.EventFileReader;
import io.pylon.testing.TrainerFixture;
import io.pylon.trainer.Trainer;

class TensorBoardTest {

    @TempDir
    Path runs;

    @Test
    void eventFileHoldsTheSameLossesAsMetricsJsonlAndWeightHistograms() throws IOException {
        Path runDir;
        try (Trainer trainer = new TrainerFixture().callback(new TensorBoard(new TensorBoard.Params(1, true, 10)))
                .build(runs, "tb")) {
            runDir = trainer.runDirectory().path();
            trainer.fit();
            trainer.test();
            assertThat(RunStatus.read(trainer.runDirectory().status()).orElseThrow().state()).isEqualTo(RunState.RUNNING);
        }
        assertThat(RunStatus.read(runDir.resolve("status.json")).orElseThrow().state()).isEqualTo(RunState.FINISHED);

        Path events;
        try (Stream<Path> files = Files.list(runDir)) {
            events = files.filter(f -> f.getFileName().toString().startsWith("events.out.tfevents.")).findFirst().orElseThrow();
        }
        List<EventFileReader.Value> values = EventFileReader.read(events).stream()
                .flatMap(e -> e.values().stream()).toList();
        List<JsonNode> logged = MetricsLog.read(runDir.resolve("metrics.jsonl")).stream()
                .filter(r -> r.path("split").asText().equals("train") && r.has("loss")).toList();
        List<EventFileReader.Value> losses = values.stream().filter(v -> v.tag().equals("train/loss")).toList();
        assertThat(losses).hasSize(logged.size()).hasSize(12);
        for (int i = 0; i < losses.size(); i++) {
            assertThat(losses.get(i).step()).isEqualTo(logged.get(i).path("step").asLong());
            assertThat(losses.get(i).simpleValue()).isEqualTo((float) logged.get(i).path("loss").asDouble());
        }
        assertThat(values).extracting(EventFileReader.Value::tag)
                .contains("train/lr", "val/loss", "val/accuracy", "train_epoch/loss", "test/loss");
        List<EventFileReader.Value> histograms = values.stream().filter(v -> v.tag().startsWith("weights/")).toList();
        // two epochs x the TinyModel's four parameter tensors; the count of the first layer's weight is 16 x 8
        assertThat(histograms).hasSize(8);
        assertThat(histograms.get(0).histogram()[2]).isEqualTo(16 * 8);
    }

    @Test
    void failedFitIsRecordedInStatusJson() {
        Path status;
        try (Trainer trainer = new TrainerFixture().callback(new Callback() {
            @Override
            public String name() {
                return "boom";
            }

            @Override
            public void onEpochEnd(io.pylon.trainer.TrainerView view, io.pylon.trainer.EvalResult train) {
                throw new IllegalStateException("disk full");
            }
        }).build(runs, "fails")) {
            status = trainer.runDirectory().status();
            org.assertj.core.api.Assertions.assertThatThrownBy(trainer::fit).hasMessageContaining("disk full");
        }
        RunStatus end = RunStatus.read(status).orElseThrow();
        assertThat(end.state()).isEqualTo(RunState.FAILED);
        assertThat(end.error()).contains("disk full");
    }
}
