package io.pylon.launch.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.pylon.plugin.StandardComponents;
import io.pylon.PylonUserException;
import io.pylon.config.ConfigException;
import io.pylon.launch.FakeTrain;
import io.pylon.launch.Job;
import io.pylon.launch.JobPlan;
import io.pylon.launch.JobState;
import io.pylon.launch.JobStatus;
import io.pylon.launch.LaunchJournal;
import io.pylon.launch.LaunchManifest;
import io.pylon.launch.RetryPolicy;
import io.pylon.launch.Scheduler;

/** Jobs over two real OpenSSH servers on loopback, standing for two hosts. */
@Tag("slow")
class SshExecutorTest {

    @TempDir
    Path dir;

    private Path userKey;
    private Sshd hostA;
    private Sshd hostB;

    @BeforeEach
    void startHosts() throws Exception {
        userKey = Sshd.keygen(dir.resolve("id_ecdsa"));
        hostA = Sshd.start(dir.resolve("sshd-a"), userKey);
        hostB = Sshd.start(dir.resolve("sshd-b"), userKey);
        Files.writeString(dir.resolve("known_hosts"), hostA.knownHostsLine() + "\n" + hostB.knownHostsLine() + "\n");
    }

    @AfterEach
    void stopHosts() {
        hostA.close();
        hostB.close();
    }

    private Path hostsFile(String entries) throws Exception {
        return Files.writeString(dir.resolve("hosts.yaml"), "known_hosts: " + dir.resolve("known_hosts")
                + "\nconnect_timeout_s: 5\nhosts:\n" + entries);
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
                new LaunchManifest(name, "ssh", Map.of(), program, 3, plan));
    }

    private static SshParams params(Path hosts) {
        return new SshParams(hosts.toString(), 2, 0.2, 10);
    }

    @Test
    void twentyJobsOverTwoHostsLoseNoneWhenOneHostDiesMidway() throws Exception {
        Path workdir = Files.createDirectories(dir.resolve("work"));
        Path hosts = hostsFile(hostA.hostEntry(userKey, workdir, 4) + hostB.hostEntry(userKey, workdir, 4));
        LaunchJournal journal = journal("twenty", FakeTrain.program(dir, "FAKE_STEPS=4", "FAKE_STEP_SECONDS=1"), 20);
        SshExecutor executor = new SshExecutor(journal.dir(), journal.manifest().program(), params(hosts));
        executor.preflight();
        ExecutorService thread = java.util.concurrent.Executors.newSingleThreadExecutor();
        Future<Map<String, JobStatus>> launcher = thread.submit(() -> new Scheduler(journal, executor,
                new RetryPolicy(3, Duration.ofMillis(100)), Duration.ofMillis(200), Clock.systemUTC()).run());

        String labelA = System.getProperty("user.name") + "@127.0.0.1:" + hostA.port();
        List<JobStatus> onA = List.of();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (System.nanoTime() < deadline) {
            Map<String, JobStatus> now = journal.statuses();
            String a = labelA;
            onA = now.values().stream().filter(s -> s.state() == JobState.RUNNING && s.where().startsWith(a)).toList();
            long finished = now.values().stream().filter(s -> s.state() == JobState.FINISHED).count();
            if (finished >= 4 && onA.size() >= 2 && onA.stream().allMatch(s -> Files.exists(
                    Path.of(s.job().runDir()).resolve("checkpoints/last.ckpt")))) {
                break;
            }
            Thread.sleep(20);
        }
        assertThat(onA).as("host A busy when it dies").hasSizeGreaterThanOrEqualTo(2);
        // host A goes away: its server, its connections and the jobs it ran
        hostA.kill();
        for (JobStatus status : onA) {
            new ProcessBuilder("kill", "-9", "--", "-" + status.handle()).start().waitFor();
        }

        Map<String, JobStatus> end = launcher.get(3, TimeUnit.MINUTES);
        thread.shutdown();
        executor.close();
        assertThat(end.values()).hasSize(20).allMatch(s -> s.state() == JobState.FINISHED);
        for (JobStatus killed : onA) {
            JobStatus status = end.get(killed.job().id());
            assertThat(status.attempts()).isEqualTo(2);
            assertThat(status.where()).doesNotStartWith(labelA);
            Path runDir = Path.of(status.job().runDir());
            assertThat(runDir.resolve("done")).exists();
            List<Integer> steps = FakeTrain.steps(runDir);
            assertThat(steps.get(0)).isEqualTo(1);
            assertThat(steps).as("continued from its checkpoint, not restarted").endsWith(4)
                    .filteredOn(step -> step == 1).hasSize(1);
        }
        assertThat(Files.readString(journal.dir().resolve(LaunchJournal.JOURNAL))).contains("is down");
    }

    @Test
    void aKeyTheHostDoesNotAcceptIsRefusedClearly() throws Exception {
        Path otherKey = Sshd.keygen(dir.resolve("other_key"));
        Path hosts = hostsFile(hostA.hostEntry(otherKey, dir, 1));
        LaunchJournal journal = journal("wrongkey", List.of("true"), 1);
        try (SshExecutor executor = new SshExecutor(journal.dir(), List.of(), params(hosts))) {
            assertThatThrownBy(executor::preflight).isInstanceOf(PylonUserException.class)
                    .hasMessageContaining("other_key was refused").hasMessageContaining("authorized_keys");
        }
    }

    @Test
    void anUnknownHostKeyIsRefusedNotAccepted() throws Exception {
        Files.writeString(dir.resolve("known_hosts"), hostB.knownHostsLine() + "\n");
        Path hosts = hostsFile(hostA.hostEntry(userKey, dir, 1));
        LaunchJournal journal = journal("unknownhost", List.of("true"), 1);
        try (SshExecutor executor = new SshExecutor(journal.dir(), List.of(), params(hosts))) {
            assertThatThrownBy(executor::preflight).isInstanceOf(PylonUserException.class)
                    .hasMessageContaining("host key is not in the known_hosts").hasMessageContaining("ssh-keyscan");
        }
    }

    @Test
    void anUnreachableHostOrAMissingWorkdirIsAnErrorBeforeAnyJobStarts() throws Exception {
        hostB.kill();
        Path hosts = hostsFile(hostA.hostEntry(userKey, dir, 1) + hostB.hostEntry(userKey, dir, 1));
        LaunchJournal journal = journal("unreachable", List.of("true"), 1);
        try (SshExecutor executor = new SshExecutor(journal.dir(), List.of(), params(hosts))) {
            assertThatThrownBy(executor::preflight).isInstanceOf(PylonUserException.class)
                    .hasMessageContaining("127.0.0.1:" + hostB.port() + " is unreachable");
        }
        Path missing = hostsFile(hostA.hostEntry(userKey, dir.resolve("no-such-dir"), 1));
        try (SshExecutor executor = new SshExecutor(journal.dir(), List.of(), params(missing))) {
            assertThatThrownBy(executor::preflight).isInstanceOf(PylonUserException.class)
                    .hasMessageContaining("cannot enter workdir");
        }
    }

    @Test
    void aHostsFileWithAMissingFieldNamesTheFileAndLine() throws Exception {
        Path hosts = hostsFile("  - {host: a, user: me, key: k}\n");
        assertThatThrownBy(() -> SshHosts.read(hosts)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("hosts.yaml:4").hasMessageContaining("workdir");
    }
}
