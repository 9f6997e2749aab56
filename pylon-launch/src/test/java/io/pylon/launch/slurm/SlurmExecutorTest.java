package io.pylon.launch.slurm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.pylon.plugin.StandardComponents;
import io.pylon.PylonUserException;
import io.pylon.launch.FakeTrain;
import io.pylon.launch.Job;
import io.pylon.launch.JobPlan;
import io.pylon.launch.JobState;
import io.pylon.launch.JobStatus;
import io.pylon.launch.LaunchJournal;
import io.pylon.launch.LaunchManifest;
import io.pylon.launch.RetryPolicy;
import io.pylon.launch.Scheduler;

/** Job arrays on a real single-node Slurm started by the test. */
@Tag("slow")
class SlurmExecutorTest {

    @TempDir
    static Path clusterDir;

    @TempDir
    Path dir;

    private static SlurmCluster cluster;

    @BeforeAll
    static void startSlurm() throws Exception {
        cluster = SlurmCluster.start(clusterDir);
    }

    @AfterAll
    static void stopSlurm() {
        if (cluster != null) {
            cluster.close();
        }
    }

    private LaunchJournal journal(String name, List<String> program, int jobs) {
        Path runs = dir.resolve("runs");
        Path config = FakeTrain.config(dir, runs);
        List<String> overrides = new ArrayList<>(FakeTrain.runOverrides(runs));
        StringBuilder seeds = new StringBuilder("seed=0");
        for (int i = 1; i < jobs; i++) {
            seeds.append(',').append(i);
        }
        overrides.add(seeds.toString());
        List<Job> plan = JobPlan.expand(name, List.of(config.toString()), overrides, true, StandardComponents.withPlugins());
        return LaunchJournal.create(dir.resolve("launches").resolve(name),
                new LaunchManifest(name, "slurm", Map.of(), program, 3, plan));
    }

    private SlurmParams params(String partition) {
        return new SlurmParams(partition, "", 1, 0, 0, cluster.conf().toString(), List.of());
    }

    @Test
    void aFourJobArrayRunsAndAFailingTaskIsRequeuedAndResumes() throws Exception {
        Path marks = Files.createDirectories(dir.resolve("failed-once"));
        LaunchJournal journal = journal("array", FakeTrain.program(dir, "FAKE_STEPS=3", "FAKE_STEP_SECONDS=0.2",
                "FAKE_FAIL_ONCE_DIR=" + marks), 4);
        for (String healthy : List.of("array-000", "array-001", "array-003")) {
            Files.createDirectories(marks.resolve(healthy));   // only job 002 fails, once
        }
        SlurmExecutor executor = new SlurmExecutor(journal.dir(), journal.manifest().program(), params("debug"));
        executor.preflight();
        Map<String, JobStatus> end = new Scheduler(journal, executor, new RetryPolicy(3, Duration.ofMillis(100)),
                Duration.ofMillis(300), Clock.systemUTC()).run();

        assertThat(end.values()).hasSize(4).allMatch(s -> s.state() == JobState.FINISHED);
        String firstArray = end.get("000").handle().split("_")[0];
        for (String id : List.of("000", "001", "003")) {
            assertThat(end.get(id).attempts()).isEqualTo(1);
            assertThat(end.get(id).handle()).startsWith(firstArray + "_");
        }
        JobStatus requeued = end.get("002");
        assertThat(requeued.attempts()).isEqualTo(2);
        assertThat(requeued.handle()).as("submitted again as a new array").doesNotStartWith(firstArray + "_");
        assertThat(FakeTrain.steps(Path.of(requeued.job().runDir()))).as("resumed after step 1").containsExactly(1, 2, 3);
        for (JobStatus status : end.values()) {
            assertThat(Path.of(status.job().runDir()).resolve("done")).exists();
            assertThat(executor.log(status)).contains("finished at step 3");
        }
    }

    @Test
    void aPartitionThatDoesNotExistIsAnErrorBeforeAnyJobStarts() {
        LaunchJournal journal = journal("nopartition", List.of("true"), 1);
        SlurmExecutor executor = new SlurmExecutor(journal.dir(), List.of(), params("gpu-huge"));
        assertThatThrownBy(executor::preflight).isInstanceOf(PylonUserException.class)
                .hasMessageContaining("partition 'gpu-huge' does not exist").hasMessageContaining("debug");
    }
}
