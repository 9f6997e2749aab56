package io.pylon.trainer.callback;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.pylon.config.Config;
import io.pylon.nn.ModuleTensors;
import io.pylon.testing.TrainerFixture;
import io.pylon.trainer.Trainer;
import io.pylon.testing.TestComponents;

class ModelSummaryCallbackTest {

    @TempDir
    Path runs;

    @Test
    void writesTheSummaryIntoTheRunDirectoryAtFitStart() throws IOException {
        try (Trainer trainer = new TrainerFixture().callback(new ModelSummaryCallback(-1)).build(runs, "summary")) {
            trainer.fit();
            Path file = trainer.runDirectory().path().resolve(ModelSummaryCallback.FILE);
            String text = Files.readString(file);
            long params = ModuleTensors.parameterCount(trainer.model().module());

            assertThat(text).contains("TinyModel").contains("  first ").contains("  second ")
                    .contains(String.format("Total params: %,d", params))
                    .contains("Input shape: [1, " + TrainerFixture.FEATURES + "]")
                    .contains("Output shape (output): [1, " + TrainerFixture.CLASSES + "]");
        }
    }

    @Test
    void isADefaultThatCanBeDisabled() {
        List<Callback> defaults = TestComponents.callbacks(Config.parse("callbacks: []\n", "c.yaml")
                .find("callbacks").orElseThrow());
        List<Callback> disabled = TestComponents.callbacks(Config.parse("""
                callbacks:
                  - name: model_summary
                    enabled: false
                """, "c.yaml").find("callbacks").orElseThrow());

        assertThat(defaults).extracting(Callback::name).contains("model_summary");
        assertThat(disabled).extracting(Callback::name).doesNotContain("model_summary").contains("nan_guard");
    }

    @Test
    void maxDepthIsConfigurable() {
        List<Callback> callbacks = TestComponents.callbacks(Config.parse("""
                callbacks:
                  - name: model_summary
                    max_depth: 1
                """, "c.yaml").find("callbacks").orElseThrow());

        assertThat(callbacks).contains(new ModelSummaryCallback(1));
    }
}
