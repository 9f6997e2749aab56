package io.pylon.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.pylon.plugin.StandardComponents;
import io.pylon.PylonUserException;
import io.pylon.config.ConfigException;

class JobPlanTest {

    @TempDir
    Path dir;

    @Test
    void sweepsExpandToTheirCartesianProductWithOneRunDirectoryEach() {
        Path config = FakeTrain.config(dir, dir.resolve("runs"));
        List<Job> jobs = JobPlan.expand("s", List.of(config.toString()), List.of("seed=1,2,3", "optim.lr=0.1,0.01"), true, StandardComponents.withPlugins());
        assertThat(jobs).hasSize(6);
        assertThat(jobs.get(0).overrides()).containsExactly("seed=1", "optim.lr=0.1", "experiment.run_name=s-000");
        assertThat(jobs.get(1).overrides()).containsExactly("seed=1", "optim.lr=0.01", "experiment.run_name=s-001");
        assertThat(jobs.get(5).overrides()).containsExactly("seed=3", "optim.lr=0.01", "experiment.run_name=s-005");
        assertThat(jobs).extracting(Job::runDir).doesNotHaveDuplicates()
                .allMatch(runDir -> runDir.startsWith(dir.resolve("runs/fake/s-").toString()));
    }

    @Test
    void withoutMultirunACommaIsPartOfTheValue() {
        Path config = FakeTrain.config(dir, dir.resolve("runs"));
        List<Job> jobs = JobPlan.expand("s", List.of(config.toString()), List.of("+model={name: mlp, hidden: [4,8]}"), false, StandardComponents.withPlugins());
        assertThat(jobs).singleElement().extracting(Job::overrides).asList().contains("+model={name: mlp, hidden: [4,8]}");
    }

    @Test
    void aConfigMistakeInAnyJobIsRefusedBeforeAnythingStarts() {
        Path config = FakeTrain.config(dir, dir.resolve("runs"));
        assertThatThrownBy(() -> JobPlan.expand("s", List.of(config.toString()), List.of("trainer.max_epochs=2,0"), true, StandardComponents.withPlugins()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("max_epochs").hasMessageContaining(">= 1");
        assertThatThrownBy(() -> JobPlan.expand("s", List.of(config.toString()), List.of("trainer.no_such_key=1"), true, StandardComponents.withPlugins()))
                .isInstanceOf(PylonUserException.class).hasMessageContaining("no_such_key");
        assertThatThrownBy(() -> JobPlan.expand("s", List.of("missing.yaml"), List.of(), false, StandardComponents.withPlugins()))
                .isInstanceOf(PylonUserException.class).hasMessageContaining("missing.yaml");
        assertThat(Files.exists(dir.resolve("runs"))).isFalse();
    }
}
