package io.pylon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.pylon.launch.FakeTrain;
import io.pylon.launch.JobState;
import io.pylon.launch.JobStatus;
import io.pylon.launch.LaunchJournal;
import io.pylon.run.MetricsLog;
import io.pylon.testing.FakeFashionMnist;

/** {@code pylon launch} from the command line: sweeps, status, logs, cancel, resume, refusals. */
@Tag("slow")
class LaunchCommandTest {

    @TempDir
    Path dir;

    private String fakeProgram(String... env) {
        return String.join(" ", FakeTrain.program(dir, env));
    }

    private String[] launch(String name, String program, String... rest) {
        List<String> args = new ArrayList<>(List.of("launch", "--name", name, "--launches-dir",
                dir.resolve("launches").toString(), "--program", program));
        args.addAll(List.of(rest));
        return args.toArray(String[]::new);
    }

    private Process launcher(Path log, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static void awaitJournal(Path launchDir, Process launcher, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (!Files.exists(launchDir.resolve(LaunchJournal.JOURNAL))) {
            if (!launcher.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("the launcher did not start the launch: " + Files.readString(log));
            }
            Thread.sleep(50);
        }
    }

    private static Map<String, JobStatus> waitUntil(LaunchJournal journal, JobState state, int count) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (System.nanoTime() < deadline) {
            Map<String, JobStatus> statuses = journal.statuses();
            if (statuses.values().stream().filter(s -> s.state() == state).count() >= count) {
                return statuses;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no " + count + " job(s) " + state + " within 2 minutes: " + journal.statuses());
    }

    @Test
    void aSweepRunsAndStatusAndLogsDescribeIt() {
        Path config = FakeTrain.config(dir, dir.resolve("runs"));
        CliRun run = CliRun.of(launch("sweep", fakeProgram(), "--slots", "2", "-m", config.toString(),
                "experiment.runs_dir=" + dir.resolve("runs"), "experiment.name=fake", "seed=1,2,3"));
        assertThat(run.exitCode()).as(run.err()).isZero();
        Path launchDir = dir.resolve("launches/sweep");
        CliRun status = CliRun.of("launch", "status", launchDir.toString());
        assertThat(status.out()).contains("{finished=3}").contains(dir.resolve("runs/fake/sweep-002").toString());
        CliRun logs = CliRun.of("launch", "logs", launchDir.toString(), "001");
        assertThat(logs.out()).contains("== attempt 1").contains("finished at step 3");
        assertThat(CliRun.of("launch", "logs", launchDir.toString(), "007").err())
                .contains("error: launch " + launchDir + " has no job '007'");
    }

    @Test
    void mistakesAreOneErrorLineAndNothingIsWritten() {
        Path config = FakeTrain.config(dir, dir.resolve("runs"));
        Map<String[], String> mistakes = Map.of(
                launch("a", "true", "--executor", "cloud", config.toString()), "unknown executor 'cloud'",
                launch("b", "true", "-m", config.toString(), "trainer.max_epochs=1,0"), "max_epochs",
                launch("c", "true", "-E", "slots=-1", config.toString()), "slots: must be >= 0",
                launch("d", "true", "--executor", "ssh", "--hosts", dir.resolve("nohosts.yaml").toString(), config.toString()),
                "hosts file",
                launch("e", "true", "--executor", "slurm", "-E", "slurm_conf=" + dir.resolve("none.conf"), config.toString()),
                "Slurm does not answer",
                launch("f", "true", "missing.yaml"), "config missing.yaml not found");
        mistakes.forEach((args, expected) -> {
            CliRun run = CliRun.of(args);
            assertThat(run.exitCode()).as(String.join(" ", args) + "\n" + run.err()).isEqualTo(2);
            assertThat(run.err()).startsWith("error: ").contains(expected).doesNotContain("\tat ");
        });
        assertThat(dir.resolve("launches")).doesNotExist();
        assertThat(dir.resolve("runs")).doesNotExist();
    }

    @Test
    void aKilledLauncherIsResumedAndAdoptsTheJobsStillRunning() throws Exception {
        Path config = FakeTrain.config(dir, dir.resolve("runs"));
        String[] args = launch("restart", fakeProgram("FAKE_STEPS=6", "FAKE_STEP_SECONDS=0.5"), "--slots", "2", "-m",
                config.toString(), "experiment.runs_dir=" + dir.resolve("runs"), "experiment.name=fake", "seed=1,2,3");
        Process first = launcher(dir.resolve("first.log"), args);
        Path launchDir = dir.resolve("launches/restart");
        awaitJournal(launchDir, first, dir.resolve("first.log"));
        Map<String, JobStatus> before = waitUntil(LaunchJournal.open(launchDir), JobState.RUNNING, 2);
        first.destroyForcibly().waitFor();

        CliRun resumed = CliRun.of("launch", "resume", launchDir.toString());
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        Map<String, JobStatus> after = LaunchJournal.open(launchDir).statuses();
        assertThat(after.values()).allMatch(s -> s.state() == JobState.FINISHED);
        before.values().stream().filter(s -> s.state() == JobState.RUNNING).forEach(s ->
                assertThat(after.get(s.job().id()).attempts()).as("adopted, not started again").isEqualTo(1));
        for (JobStatus status : after.values()) {
            assertThat(FakeTrain.steps(Path.of(status.job().runDir()))).containsExactly(1, 2, 3, 4, 5, 6);
        }
    }

    @Test
    void cancelStopsRunningJobsAndKeepsPendingOnesFromStarting() throws Exception {
        Path config = FakeTrain.config(dir, dir.resolve("runs"));
        Process launcherProcess = launcher(dir.resolve("launcher.log"), launch("stopme",
                fakeProgram("FAKE_STEPS=100", "FAKE_STEP_SECONDS=0.5"), "--slots", "1", "-m", config.toString(),
                "experiment.runs_dir=" + dir.resolve("runs"), "experiment.name=fake", "seed=1,2"));
        Path launchDir = dir.resolve("launches/stopme");
        awaitJournal(launchDir, launcherProcess, dir.resolve("launcher.log"));
        Map<String, JobStatus> running = waitUntil(LaunchJournal.open(launchDir), JobState.RUNNING, 1);
        CliRun cancel = CliRun.of("launch", "cancel", launchDir.toString());
        assertThat(cancel.exitCode()).as(cancel.err()).isZero();
        assertThat(cancel.out()).contains("000: cancelled").contains("001: cancelled");
        assertThat(launcherProcess.waitFor(1, TimeUnit.MINUTES)).isTrue();
        assertThat(launcherProcess.exitValue()).as("not every job finished").isEqualTo(1);
        Map<String, JobStatus> end = LaunchJournal.open(launchDir).statuses();
        assertThat(end.values()).allMatch(s -> s.state() == JobState.CANCELLED);
        assertThat(end.get("001").attempts()).as("never started").isZero();
        String handle = running.get("000").handle();
        assertThat(ProcessHandle.of(Long.parseLong(handle.split("@")[0])).map(ProcessHandle::isAlive).orElse(false))
                .as("the job's process is gone").isFalse();
    }

    @Test
    void realTrainingsRunThroughTheLocalExecutor() throws Exception {
        Path data = FakeFashionMnist.write(Files.createDirectories(dir.resolve("data")), 300, 100, 1);
        Path runs = dir.resolve("runs");
        String[] small = TrainCommandTest.smallRun(data, runs, "ignored", "trainer.max_epochs=1");
        List<String> args = new ArrayList<>(List.of("launch", "--name", "real", "--launches-dir",
                dir.resolve("launches").toString(), "--slots", "2", "-m"));
        for (int i = 1; i < small.length; i++) {
            if (!small[i].startsWith("experiment.run_name=")) {
                args.add(small[i]);
            }
        }
        args.add("seed=1,2");
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.err()).isZero();
        for (String job : List.of("real-000", "real-001")) {
            Path runDir = runs.resolve("fashion-mnist").resolve(job);
            assertThat(runDir.resolve("checkpoints/last.ckpt")).exists();
            assertThat(MetricsLog.read(runDir.resolve("metrics.jsonl"))).anyMatch(r -> r.path("split").asText().equals("test"));
        }
        assertThat(Files.readString(runs.resolve("fashion-mnist/real-001/config.yaml"))).contains("seed: 2");
    }
}
