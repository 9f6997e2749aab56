package io.pylon.trainer.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.pylon.run.MetricsLog;
import io.pylon.testing.TrainerFixture;
import io.pylon.trainer.Trainer;
import io.pylon.trainer.TrainerConfig;
import io.pylon.trainer.callback.ProfileCallback;

class ProfileCallbackTest {

    @TempDir
    Path runs;

    @Test
    void traceHoldsEveryPhaseOfTheWindowAndSampledStepsAreLogged() throws Exception {
        // 96 samples / 16 = 6 steps per epoch, 2 epochs = 12 steps; sample every 4th, trace steps 2..4
        TrainerConfig config = new TrainerConfig(2, 0, "cpu", 1, 1, 0, 1, 0.0, 0.0, false, false, "32", 4);
        try (Trainer trainer = new TrainerFixture().config(config).callback(new ProfileCallback(new ProfileCallback.Params(2, 3)))
                .build(runs, "profile")) {
            trainer.fit();
            Path trace = trainer.runDirectory().path().resolve("profile/trace.json");
            JsonNode events = new ObjectMapper().readTree(trace.toFile()).path("traceEvents");
            List<String> steps = names(events, "step");
            assertThat(steps).containsExactly("step 2", "step 3", "step 4");
            List<String> phases = names(events, "phase");
            assertThat(phases).hasSize(18).startsWith("data_wait", "host_to_device", "forward", "backward", "optimizer",
                    "callbacks");
            for (JsonNode e : events) {
                assertThat(e.path("ph").asText()).isEqualTo("X");
                assertThat(e.path("dur").asDouble()).isGreaterThanOrEqualTo(0);
            }
            List<JsonNode> profiled = MetricsLog.read(trainer.runDirectory().metrics()).stream()
                    .filter(n -> n.path("split").asText().equals("profile")).toList();
            // the window (2, 3, 4) and every 4th step (4, 8, 12)
            assertThat(profiled).map(n -> n.path("step").asLong()).containsExactly(2L, 3L, 4L, 8L, 12L);
            JsonNode first = profiled.getFirst();
            assertThat(first.path("time_ms/forward").asDouble()).isPositive();
            assertThat(first.path("time_ms/step").asDouble()).isGreaterThanOrEqualTo(first.path("time_ms/backward").asDouble());
            assertThat(first.path("peak_host_memory_mb").asDouble()).isPositive();
            assertThat(trainer.profiler().last().orElseThrow().step()).isEqualTo(12);
        }
    }

    private static List<String> names(JsonNode events, String category) {
        List<String> names = new java.util.ArrayList<>();
        events.forEach(e -> {
            if (e.path("cat").asText().equals(category)) {
                names.add(e.path("name").asText());
            }
        });
        return names;
    }
}
