package io.pylon.launch.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.pylon.plugin.StandardComponents;
import io.pylon.launch.FakeTrain;
import io.pylon.launch.Job;
import io.pylon.launch.JobPlan;
import io.pylon.launch.JobState;
import io.pylon.launch.JobStatus;
import io.pylon.launch.LaunchJournal;
import io.pylon.launch.LaunchManifest;
import io.pylon.launch.RetryPolicy;
import io.pylon.launch.Scheduler;

class LocalExecutorTest {

    @TempDir
    Path dir;

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
                new LaunchManifest(name, "local", Map.of(), program, 3, plan));
    }

    private static Map<String, JobStatus> run(LaunchJournal journal, LocalExecutor executor) throws InterruptedException {
        return new Scheduler(journal, executor, new RetryPolicy(3, Duration.ofMillis(10)), Duration.ofMillis(100),
                Clock.systemUTC()).run();
    }

    /** Replays STARTED/ended events in time order and returns the most attempts ever running at once. */
    private static int maxConcurrent(LaunchJournal journal) throws IOException {
        int running = 0;
        int max = 0;
        for (String line : Files.readAllLines(journal.dir().resolve(LaunchJournal.JOURNAL))) {
            running += line.contains("\"STARTED\"") ? 1 : -1;
            max = Math.max(max, running);
        }
        return max;
    }

    @Test
    void hundredShortJobsOnFourSlotsAllFinishWithEverySlotInUse() throws Exception {
        LaunchJournal journal = journal("many", FakeTrain.program(dir, "FAKE_STEPS=1", "FAKE_STEP_SECONDS=0.2"), 100);
        Map<String, JobStatus> end = run(journal, new LocalExecutor(journal.dir(), journal.manifest().program(),
                new LocalParams(4, List.of()), List::of));

        assertThat(end.values()).hasSize(100).allMatch(s -> s.state() == JobState.FINISHED && s.attempts() == 1);
        assertThat(maxConcurrent(journal)).isEqualTo(4);
        assertThat(end.values()).extracting(JobStatus::where).containsOnly("slot 0", "slot 1", "slot 2", "slot 3");
        for (JobStatus status : end.values()) {
            assertThat(Path.of(status.job().runDir()).resolve("done")).exists();
        }
    }

    @Test
    void slotsShareOutTheGpusThroughCudaVisibleDevices() throws Exception {
        LaunchJournal journal = journal("gpus", List.of("sh", "-c", "echo \"gpus=$CUDA_VISIBLE_DEVICES\""), 4);
        LocalExecutor executor = new LocalExecutor(journal.dir(), journal.manifest().program(),
                new LocalParams(2, List.of()), () -> List.of(0, 1, 2, 3));
        assertThat(executor.gpusOfSlot(0)).containsExactly(0, 1);
        assertThat(executor.gpusOfSlot(1)).containsExactly(2, 3);
        Map<String, JobStatus> end = run(journal, executor);
        for (JobStatus status : end.values()) {
            String expected = status.where().startsWith("slot 0") ? "gpus=0,1" : "gpus=2,3";
            assertThat(executor.log(status)).contains(expected);
        }
        LocalExecutor oneGpu = new LocalExecutor(journal.dir(), List.of(), new LocalParams(0, List.of()), () -> List.of(3));
        assertThat(oneGpu.freeSlots()).as("one slot per GPU by default").isEqualTo(1);
        assertThat(oneGpu.gpusOfSlot(0)).containsExactly(3);
    }

    @Test
    void aFailedAttemptIsRetriedFromItsLastCheckpoint() throws Exception {
        Path marks = Files.createDirectories(dir.resolve("failed-once"));
        LaunchJournal journal = journal("retry", FakeTrain.program(dir, "FAKE_STEPS=3", "FAKE_FAIL_ONCE_DIR=" + marks), 3);
        Map<String, JobStatus> end = run(journal, new LocalExecutor(journal.dir(), journal.manifest().program(),
                new LocalParams(2, List.of()), List::of));

        for (JobStatus status : end.values()) {
            assertThat(status.state()).isEqualTo(JobState.FINISHED);
            assertThat(status.attempts()).isEqualTo(2);
            assertThat(FakeTrain.steps(Path.of(status.job().runDir()))).as("resumed after step 1, not restarted")
                    .containsExactly(1, 2, 3);
        }
        assertThat(Files.readString(journal.dir().resolve(LaunchJournal.JOURNAL))).contains("\"REQUEUED\"");
    }

    @Test
    void aUserErrorIsNotRetried() throws Exception {
        LaunchJournal journal = journal("usererror", List.of("sh", "-c", "echo 'error: bad data' >&2; exit 2"), 1);
        Map<String, JobStatus> end = run(journal, new LocalExecutor(journal.dir(), journal.manifest().program(),
                new LocalParams(1, List.of()), List::of));
        JobStatus status = end.values().iterator().next();
        assertThat(status.state()).isEqualTo(JobState.FAILED);
        assertThat(status.attempts()).isEqualTo(1);
        assertThat(status.message()).contains("user error");
    }

    @Test
    void aRestartedLauncherAdoptsRunningJobsInsteadOfStartingThemAgain() throws Exception {
        LaunchJournal journal = journal("restart", FakeTrain.program(dir, "FAKE_STEPS=4", "FAKE_STEP_SECONDS=0.5"), 3);
        ExecutorService thread = java.util.concurrent.Executors.newSingleThreadExecutor();
        Future<?> first = thread.submit(() -> run(journal, new LocalExecutor(journal.dir(), journal.manifest().program(),
                new LocalParams(2, List.of()), List::of)));
        while (journal.statuses().values().stream().filter(s -> s.state() == JobState.RUNNING)
                .count() < 2) {
            Thread.sleep(20);
        }
        first.cancel(true);   // the launcher goes away; its two jobs keep running
        thread.shutdown();

        LaunchJournal reopened = LaunchJournal.open(journal.dir());
        Map<String, JobStatus> end = run(reopened, new LocalExecutor(reopened.dir(), reopened.manifest().program(),
                new LocalParams(2, List.of()), List::of));
        assertThat(end.values()).allMatch(s -> s.state() == JobState.FINISHED && s.attempts() == 1);
        for (JobStatus status : end.values()) {
            assertThat(FakeTrain.steps(Path.of(status.job().runDir()))).containsExactly(1, 2, 3, 4);
        }
    }

    @Test
    void aProcessKilledFromOutsideIsLostAndRestartedFromItsCheckpoint() throws Exception {
        LaunchJournal journal = journal("killed", FakeTrain.program(dir, "FAKE_STEPS=4", "FAKE_STEP_SECONDS=0.4"), 1);
        ExecutorService thread = java.util.concurrent.Executors.newSingleThreadExecutor();
        Future<Map<String, JobStatus>> launcher = thread.submit(() -> run(journal, new LocalExecutor(journal.dir(),
                journal.manifest().program(), new LocalParams(1, List.of()), List::of)));
        Path runDir = Path.of(journal.manifest().jobs().get(0).runDir());
        while (!Files.exists(runDir.resolve("checkpoints/last.ckpt"))) {
            Thread.sleep(20);
        }
        JobStatus running = journal.statuses().get("000");
        ProcessHandle wrapper = LocalExecutor.process(running.handle()).orElseThrow();
        wrapper.descendants().forEach(ProcessHandle::destroyForcibly);
        wrapper.destroyForcibly();

        JobStatus status = launcher.get().get("000");
        thread.shutdown();
        assertThat(status.state()).isEqualTo(JobState.FINISHED);
        assertThat(status.attempts()).isEqualTo(2);
        List<Integer> steps = FakeTrain.steps(runDir);
        assertThat(steps).startsWith(1).endsWith(4).isSorted().doesNotHaveDuplicates();
        assertThat(Files.readString(journal.dir().resolve(LaunchJournal.JOURNAL))).contains("ended without an exit status");
    }
}
