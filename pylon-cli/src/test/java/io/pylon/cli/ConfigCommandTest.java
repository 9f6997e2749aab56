package io.pylon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.pylon.config.Binder;
import io.pylon.config.Config;
import io.pylon.trainer.RunConfig;

class ConfigCommandTest {

    static final Path EXAMPLES = Path.of("..", "examples");

    @Test
    void printsTheResolvedConfigWithGroupsComposedAndOverridesApplied() {
        CliRun run = CliRun.of("config", EXAMPLES.resolve("fashion-mnist.yaml").toString(), "model=mlp",
                "trainer.max_epochs=2");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("name: mlp").contains("max_epochs: 2").doesNotContain("defaults");
        Config reparsed = Config.parse(run.out(), "printed");
        assertThat(reparsed.find("model.hidden").orElseThrow().toPlain()).isEqualTo(List.of(256L, 128L));
    }

    @Test
    void everyExampleResolvesAndBinds() throws IOException {
        try (var files = Files.list(EXAMPLES)) {
            List<Path> examples = files.filter(p -> p.toString().endsWith(".yaml")).toList();
            assertThat(examples).isNotEmpty();
            for (Path example : examples) {
                Config config = Config.load(example, List.of());
                assertThat(Binder.bind(config.root(), "", RunConfig.class).trainer().maxEpochs()).isPositive();
            }
        }
    }

    @Test
    void userMistakeIsOneLineWithoutStackTrace() {
        CliRun run = CliRun.of("config", EXAMPLES.resolve("fashion-mnist.yaml").toString(), "trainer.max_epochs=0");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo("error: command-line override 'trainer.max_epochs=0':"
                + " trainer.max_epochs: must be >= 1, got 0");
    }

    @Test
    void misspelledKeyInFileNamesFileLineAndNearestKey(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Path file = dir.resolve("exp.yaml");
        Files.writeString(file, "seed: 1\ntrainer:\n  max_epoch: 3\n");
        CliRun run = CliRun.of("config", file.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("exp.yaml:3").contains("trainer.max_epoch").contains("max_epochs")
                .doesNotContain("\tat ");
    }
}
