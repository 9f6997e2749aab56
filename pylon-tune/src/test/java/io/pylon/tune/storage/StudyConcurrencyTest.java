package io.pylon.tune.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.pylon.tune.study.StudyInfo;
import io.pylon.tune.study.Trial;
import io.pylon.tune.study.TrialState;

/**
 * Several worker processes on one study: 8 x 200 trials on SQLite and on a real PostgreSQL server (no trial
 * lost or duplicated, every tell recorded), and workers killed with SIGKILL whose trials are failed and
 * retried after the heartbeat timeout, so that the study resumes and finishes.
 */
@Tag("slow")
class StudyConcurrencyTest {

    @TempDir
    Path dir;

    @Test
    void eightSqliteWorkersRecordEveryTrialOnce() throws Exception {
        eightWorkersTwoHundredTrials("sqlite:" + dir.resolve("study.db"), "{name: tpe, seed: 3}");
    }

    @Test
    void eightPostgresWorkersRecordEveryTrialOnce() throws Exception {
        try (PostgresServer server = PostgresServer.start()) {
            eightWorkersTwoHundredTrials(server.url(), "{name: random, seed: 3}");
        }
    }

    /** TPE (with constant liar) reads every trial on each ask, the heaviest path; random keeps the other short. */
    private void eightWorkersTwoHundredTrials(String url, String sampler) throws Exception {
        List<Process> workers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            workers.add(worker(url, sampler, 0, 200, 0, 0, i));
        }
        for (Process w : workers) {
            assertThat(w.waitFor(10, TimeUnit.MINUTES)).isTrue();
            assertThat(w.exitValue()).as(output(workers.indexOf(w))).isZero();
        }
        try (StudyStorage storage = StorageUrl.open(url)) {
            StudyInfo info = storage.findStudy("concurrent").orElseThrow();
            List<Trial> trials = storage.trials(info.id());
            assertThat(trials).hasSize(1600);
            Set<Integer> numbers = new HashSet<>();
            for (Trial t : trials) {
                numbers.add(t.number());
                assertThat(t.state()).isEqualTo(TrialState.COMPLETE);
                assertThat(t.values()).containsExactly(StudyWorkerMain.objective(t));
            }
            assertThat(numbers).hasSize(1600).allMatch(n -> n >= 0 && n < 1600);
            // no two trials got the same parameters (for TPE: constant liar spreads concurrent asks)
            assertThat(trials.stream().map(Trial::params).distinct().count()).isEqualTo(1600);
        }
    }

    @Test
    void killedWorkersTrialsAreRetriedAndTheStudyResumes() throws Exception {
        String url = "sqlite:" + dir.resolve("killed.db");
        List<Process> workers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            workers.add(worker(url, "{name: random, seed: 1}", 30, 0, 60_000, 1_000, i));
        }
        // wait until each worker is inside a trial (JVM start-up on a busy machine takes a while)
        long deadline = System.currentTimeMillis() + 120_000;
        while (runningTrials(url) < 3 && System.currentTimeMillis() < deadline) {
            Thread.sleep(500);
        }
        for (Process w : workers) {
            w.destroyForcibly();
            w.waitFor();
        }
        try (StudyStorage storage = StorageUrl.open(url)) {
            List<Trial> trials = storage.trials(storage.findStudy("concurrent").orElseThrow().id());
            assertThat(trials).as("every killed worker was in a trial").filteredOn(t -> t.state() == TrialState.RUNNING)
                    .hasSize(3);
        }
        Process last = worker(url, "{name: random, seed: 1}", 30, 0, 10, 1_000, 9);
        assertThat(last.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(last.exitValue()).as(output(9)).isZero();
        try (StudyStorage storage = StorageUrl.open(url)) {
            List<Trial> trials = storage.trials(storage.findStudy("concurrent").orElseThrow().id());
            List<Trial> failed = trials.stream().filter(t -> t.state() == TrialState.FAIL).toList();
            assertThat(failed).hasSize(3);
            for (Trial f : failed) {
                Trial retry = trials.stream().filter(t -> t.retryOf() == f.number()).findFirst().orElseThrow();
                assertThat(retry.params()).isEqualTo(f.params());
                assertThat(retry.state()).isEqualTo(TrialState.COMPLETE);
            }
            assertThat(trials).filteredOn(t -> t.state() == TrialState.COMPLETE).hasSize(30);
            assertThat(trials).hasSize(33);
        }
    }

    private static long runningTrials(String url) {
        if (!Files.exists(Path.of(url.substring("sqlite:".length())))) {
            return 0;
        }
        try (StudyStorage storage = StorageUrl.open(url)) {
            return storage.findStudy("concurrent").map(s -> storage.trials(s.id()).stream()
                    .filter(t -> t.state() == TrialState.RUNNING).count()).orElse(0L);
        }
    }

    private Process worker(String url, String sampler, int maxTrials, int perWorker, long sleepMillis, long timeoutMillis,
            int index) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return new ProcessBuilder(java.toString(), "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), StudyWorkerMain.class.getName(), url, "concurrent", sampler,
                Integer.toString(maxTrials), Integer.toString(perWorker), Long.toString(sleepMillis),
                Long.toString(timeoutMillis))
                .redirectErrorStream(true).redirectOutput(dir.resolve("worker-" + index + ".log").toFile()).start();
    }

    private String output(int index) throws IOException {
        String log = Files.readString(dir.resolve("worker-" + index + ".log"));
        return "worker " + index + ":\n" + log.substring(Math.max(0, log.length() - 3000));
    }
}
