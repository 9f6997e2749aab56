package io.pylon.cli.launch;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.pylon.cli.RunLogging;
import io.pylon.launch.Executors;
import io.pylon.launch.JobExecutor;
import io.pylon.launch.JobState;
import io.pylon.launch.JobStatus;
import io.pylon.launch.LaunchJournal;
import io.pylon.launch.LaunchManifest;
import io.pylon.launch.RetryPolicy;
import io.pylon.launch.Scheduler;

/** Starts or continues a launch: checks the executor, then drives the scheduler to the end. */
public final class LaunchDriver {

    private static final Logger LOG = LoggerFactory.getLogger(LaunchDriver.class);

    private LaunchDriver() {
    }

    /** A new launch: the executor's checks run before the launch folder is written. */
    public static int start(Path launchDir, LaunchManifest manifest) throws Exception {
        try (JobExecutor executor = Executors.create(launchDir, manifest)) {
            executor.preflight();
            LaunchJournal journal = LaunchJournal.create(launchDir, manifest);
            return drive(journal, executor);
        }
    }

    /** A launch whose launcher stopped: reattaches to running jobs, starts the rest. */
    static int resume(Path launchDir) throws Exception {
        LaunchJournal journal = LaunchJournal.open(launchDir);
        try (JobExecutor executor = Executors.create(launchDir, journal.manifest())) {
            executor.preflight();
            return drive(journal, executor);
        }
    }

    private static int drive(LaunchJournal journal, JobExecutor executor) throws Exception {
        LaunchManifest manifest = journal.manifest();
        try (AutoCloseable lock = journal.lockForLauncher();
             RunLogging log = RunLogging.attach(journal.dir().resolve("launcher.log"))) {
            LOG.info("launch {}: {} job(s) on {}", journal.dir(), manifest.jobs().size(), manifest.executor());
            Scheduler scheduler = new Scheduler(journal, executor,
                    new RetryPolicy(manifest.maxAttempts(), Duration.ofSeconds(1)), pollInterval(manifest),
                    Clock.systemUTC());
            Map<String, JobStatus> end = scheduler.run();
            long finished = end.values().stream().filter(s -> s.state() == JobState.FINISHED).count();
            LOG.info("launch {}: {} of {} job(s) finished; `pylon launch status {}` lists them", journal.dir(),
                    finished, end.size(), journal.dir());
            return finished == end.size() ? 0 : 1;
        }
    }

    private static Duration pollInterval(LaunchManifest manifest) {
        return manifest.executor().equals("local") ? Duration.ofMillis(200) : Duration.ofSeconds(1);
    }
}
