package io.pylon.cli.find;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.pylon.cli.Main;
import io.pylon.testing.FakeFashionMnist;

/** {@code pylon find lr} and {@code pylon find batch-size} end to end on generated Fashion-MNIST files. */
class FindCommandTest {

    private static final Path EXAMPLES = Path.of("..", "examples");

    @TempDir
    Path dir;

    private String[] args(Path data, String... extra) {
        List<String> args = new ArrayList<>(List.of(extra));
        args.addAll(List.of(EXAMPLES.resolve("fashion-mnist.yaml").toString(), "data.root=" + data, "data.val_size=50",
                "model=mlp", "model.hidden=[16]", "trainer.threads=1",
                "experiment.runs_dir=" + dir.resolve("runs")));
        return args.toArray(String[]::new);
    }

    private Path onlyToolRun(String tool) throws IOException {
        try (Stream<Path> runs = Files.list(dir.resolve("runs/fashion-mnist/" + tool))) {
            return runs.findFirst().orElseThrow();
        }
    }

    @Test
    void lrRangeTestWritesASuggestionAndAPlot() throws IOException {
        Path data = FakeFashionMnist.write(Files.createDirectories(dir.resolve("data")), 400, 100, 1);
        List<String> command = new ArrayList<>(List.of("find", "lr", "--steps", "30", "--min-lr", "1e-6", "--max-lr", "10"));
        command.addAll(List.of(args(data)));
        assertThat(Main.run(command.toArray(String[]::new))).isZero();
        Path run = onlyToolRun("find-lr");
        JsonNode json = new ObjectMapper().readTree(run.resolve("lr_find.json").toFile());
        double lr = json.path("suggested_lr").asDouble();
        assertThat(lr).isBetween(1e-6, 10.0);
        assertThat(json.path("lr").size()).isEqualTo(json.path("loss").size()).isBetween(10, 30);
        assertThat(run.resolve("lr_find.svg")).content().startsWith("<svg").contains("suggested");
        assertThat(run.resolve("config.yaml")).exists();
    }

    @Test
    void batchSizeFinderStopsAtTheTrainSplitSizeWithinAGenerousBudget() throws IOException {
        Path data = FakeFashionMnist.write(Files.createDirectories(dir.resolve("data")), 300, 100, 2);
        List<String> command = new ArrayList<>(List.of("find", "batch-size", "--memory-budget", "2g", "--steps", "1"));
        command.addAll(List.of(args(data)));
        assertThat(Main.run(command.toArray(String[]::new))).isZero();
        JsonNode json = new ObjectMapper().readTree(onlyToolRun("find-batch-size").resolve("batch_size.json").toFile());
        // 300 training files minus 50 for validation
        assertThat(json.path("suggested_batch_size").asInt()).isEqualTo(250);
        assertThat(json.path("limited_by").asText()).isEqualTo("dataset");
        assertThat(json.path("trials").get(0).path("step_memory_bytes").asLong()).isGreaterThanOrEqualTo(0);
    }
}
