package io.pylon.cli.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import io.pylon.plugin.StandardComponents;
import io.pylon.launch.Job;
import io.pylon.launch.JobPlan;
import io.pylon.launch.JobState;
import io.pylon.launch.JobStatus;
import io.pylon.launch.LaunchJournal;
import io.pylon.launch.LaunchManifest;
import io.pylon.launch.RetryPolicy;
import io.pylon.launch.Scheduler;
import io.pylon.launch.local.LocalExecutor;
import io.pylon.launch.local.LocalParams;

/**
 * {@code pylon bench launch}: N short jobs ({@code sleep S}) on K local slots through the real journal,
 * wrapper scripts and scheduler. Overhead per job = (wall x slots - N x S) / N: every second a slot was
 * not running a job's own work, shared out over the jobs (process start, exit detection, journal).
 */
@Command(name = "launch", description = "Scheduling overhead of pylon launch: N sleep jobs on K local slots.")
public final class BenchLaunchCommand implements Callable<Integer> {

    @Option(names = "--jobs", defaultValue = "100", description = "jobs (default ${DEFAULT-VALUE})")
    int jobs;

    @Option(names = "--slots", defaultValue = "4", description = "local slots (default ${DEFAULT-VALUE})")
    int slots;

    @Option(names = "--job-seconds", defaultValue = "0.5", description = "each job's sleep (default ${DEFAULT-VALUE})")
    double jobSeconds;

    @Override
    public Integer call() throws Exception {
        Path dir = Files.createTempDirectory("pylon-bench-launch");
        Path config = Files.writeString(dir.resolve("exp.yaml"), "experiment:\n  name: bench\n  runs_dir: "
                + dir.resolve("runs") + "\n");
        StringBuilder seeds = new StringBuilder("seed=0");
        for (int i = 1; i < jobs; i++) {
            seeds.append(',').append(i);
        }
        List<Job> plan = JobPlan.expand("bench", List.of(config.toString()), List.of(seeds.toString()), true, StandardComponents.withPlugins());
        // `sh -c 'sleep S' train CONFIG ...`: the train arguments become sh's $0 $1 ... and are ignored
        List<String> program = List.of("sh", "-c", "sleep " + jobSeconds);
        LaunchJournal journal = LaunchJournal.create(dir.resolve("launch"),
                new LaunchManifest("bench", "local", Map.of(), program, 1, plan));
        LocalExecutor executor = new LocalExecutor(journal.dir(), program, new LocalParams(slots, List.of()));
        long start = System.nanoTime();
        Map<String, JobStatus> end = new Scheduler(journal, executor, new RetryPolicy(1, Duration.ZERO),
                Duration.ofMillis(200), Clock.systemUTC()).run();
        double wall = (System.nanoTime() - start) / 1e9;
        long finished = end.values().stream().filter(s -> s.state() == JobState.FINISHED).count();
        double overhead = (wall * slots - jobs * jobSeconds) / jobs;
        double busy = jobs * jobSeconds / (wall * slots);
        System.out.printf(Locale.ROOT, "%d jobs of %.2f s on %d slots: %d finished, wall %.1f s (ideal %.1f s),"
                + " slots busy with job work %.0f%%, overhead %.3f s per job%n", jobs, jobSeconds, slots, finished, wall,
                Math.ceil((double) jobs / slots) * jobSeconds, busy * 100, overhead);
        return finished == jobs ? 0 : 1;
    }
}
