package io.pylon.launch.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import io.pylon.launch.Attempt;
import io.pylon.launch.AttemptState;
import io.pylon.launch.GpuShares;
import io.pylon.launch.JobExecutor;
import io.pylon.launch.JobScript;
import io.pylon.launch.JobStatus;
import io.pylon.launch.LaunchJournal;
import io.pylon.launch.StartedAttempt;

/**
 * Runs each attempt as a process of this machine in one of {@code slots} slots. The handle is
 * {@code pid@start-millis}, so a restarted launcher finds a still-running attempt again and never
 * mistakes a recycled pid for it; the exit status comes from the job wrapper's exit file.
 */
public final class LocalExecutor implements JobExecutor {

    private final Path launchDir;
    private final List<String> program;
    private final int slots;
    private final List<Integer> gpus;
    private final Map<String, Integer> slotOfJob = new HashMap<>();
    private final Semaphore ended = new Semaphore(0);

    public LocalExecutor(Path launchDir, List<String> program, LocalParams params) {
        this(launchDir, program, params, GpuDiscovery::localGpus);
    }

    LocalExecutor(Path launchDir, List<String> program, LocalParams params,
            java.util.function.Supplier<List<Integer>> gpuSource) {
        this.launchDir = launchDir;
        this.program = List.copyOf(program);
        this.gpus = params.gpus().isEmpty() ? gpuSource.get() : params.gpus();
        this.slots = params.slots() > 0 ? params.slots() : Math.max(1, gpus.size());
    }

    @Override
    public void preflight() {
        // A local machine is always there; configs were checked when the jobs were planned.
    }

    @Override
    public void adopt(Collection<JobStatus> running) {
        for (JobStatus status : running) {
            slotOfJob.put(status.job().id(), slotIndex(status.where()));
        }
    }

    @Override
    public int freeSlots() {
        return slots - slotOfJob.size();
    }

    /** The GPUs slot {@code slot} sees. */
    List<Integer> gpusOfSlot(int slot) {
        return GpuShares.ofSlot(gpus, slots, slot);
    }

    @Override
    public List<StartedAttempt> start(List<Attempt> attempts) {
        List<StartedAttempt> started = new ArrayList<>();
        for (Attempt attempt : attempts) {
            int slot = freeSlot();
            Path jobDir = LaunchJournal.jobDir(launchDir, attempt.job().id());
            Map<String, String> env = new HashMap<>();
            List<Integer> slotGpus = gpusOfSlot(slot);
            if (!slotGpus.isEmpty()) {
                env.put("CUDA_VISIBLE_DEVICES", GpuShares.visibleDevices(slotGpus));
            }
            JobScript script = new JobScript(attempt, program, jobDir.toAbsolutePath().toString(), "", env);
            Path file = jobDir.resolve("attempt-" + attempt.number() + ".sh");
            try {
                Files.writeString(file, script.text(), StandardCharsets.UTF_8);
                Process process = new ProcessBuilder("sh", file.toString()).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                process.onExit().thenRun(ended::release);
                long startMillis = process.info().startInstant().map(i -> i.toEpochMilli()).orElse(0L);
                slotOfJob.put(attempt.job().id(), slot);
                started.add(new StartedAttempt(attempt, "slot " + slot + GpuShares.label(slotGpus),
                        process.pid() + "@" + startMillis));
            } catch (IOException e) {
                throw new UncheckedIOException("could not start job " + attempt.job().id() + ": " + e.getMessage(), e);
            }
        }
        return started;
    }

    @Override
    public AttemptState poll(JobStatus running) {
        Path exit = Path.of(JobScript.exitFile(LaunchJournal.jobDir(launchDir, running.job().id()).toString(), running.attempts()));
        Optional<Integer> status = readExit(exit);
        if (status.isPresent()) {
            return new AttemptState.Exited(status.get());
        }
        if (process(running.handle()).isPresent()) {
            return new AttemptState.Running();
        }
        // it may have written its exit file between the two checks
        return readExit(exit).<AttemptState>map(AttemptState.Exited::new)
                .orElse(new AttemptState.Lost("process " + running.handle() + " ended without an exit status"));
    }

    @Override
    public void release(JobStatus ended) {
        slotOfJob.remove(ended.job().id());
    }

    @Override
    public void cancel(JobStatus running) {
        process(running.handle()).ifPresent(process -> {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
        });
    }

    @Override
    public String log(JobStatus status) {
        Path log = LaunchJournal.jobDir(launchDir, status.job().id()).resolve("out.log");
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + log + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void awaitChange(Duration timeout) throws InterruptedException {
        if (ended.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            ended.drainPermits();
        }
    }

    private int freeSlot() {
        TreeSet<Integer> free = new TreeSet<>();
        for (int i = 0; i < slots; i++) {
            free.add(i);
        }
        free.removeAll(slotOfJob.values());
        if (free.isEmpty()) {
            throw new IllegalStateException("no free slot: start at most freeSlots() attempts");
        }
        return free.first();
    }

    /** The process of a handle {@code pid@start-millis}, if it still runs and is the same process. */
    static Optional<ProcessHandle> process(String handle) {
        String[] parts = handle.split("@");
        if (parts.length != 2) {
            return Optional.empty();
        }
        long startMillis = Long.parseLong(parts[1]);
        return ProcessHandle.of(Long.parseLong(parts[0])).filter(ProcessHandle::isAlive)
                .filter(p -> p.info().startInstant().map(i -> Math.abs(i.toEpochMilli() - startMillis) < 2000)
                        .orElse(true));
    }

    private static Optional<Integer> readExit(Path exit) {
        try {
            return Files.exists(exit) ? Optional.of(Integer.parseInt(Files.readString(exit).strip())) : Optional.empty();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static int slotIndex(String where) {
        String digits = where.replaceAll("^slot (\\d+).*$", "$1");
        return digits.matches("\\d+") ? Integer.parseInt(digits) : 0;
    }

}
