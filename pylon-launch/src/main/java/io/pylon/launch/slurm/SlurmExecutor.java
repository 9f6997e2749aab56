package io.pylon.launch.slurm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.pylon.PylonUserException;
import io.pylon.launch.Attempt;
import io.pylon.launch.AttemptState;
import io.pylon.launch.JobExecutor;
import io.pylon.launch.JobScript;
import io.pylon.launch.JobStatus;
import io.pylon.launch.LaunchJournal;
import io.pylon.launch.StartedAttempt;

/**
 * Submits the pending attempts of each scheduling round as one Slurm job array; task {@code i} runs the
 * {@code i}-th attempt's wrapper script. The handle of an attempt is its task id {@code ARRAY_i}.
 */
public final class SlurmExecutor implements JobExecutor {

    private static final Set<String> QUEUED = Set.of("PENDING", "RUNNING", "CONFIGURING", "COMPLETING", "REQUEUED",
            "RESIZING", "SUSPENDED", "REQUEUE_HOLD", "REQUEUE_FED", "SIGNALING", "STAGE_OUT");

    private final Path launchDir;
    private final List<String> program;
    private final SlurmParams params;
    private final SlurmCommands slurm;

    public SlurmExecutor(Path launchDir, List<String> program, SlurmParams params) {
        this.launchDir = launchDir.toAbsolutePath();
        this.program = program.isEmpty() ? List.of(Path.of("pylon").toAbsolutePath().toString()) : List.copyOf(program);
        this.params = params;
        this.slurm = new SlurmCommands(params.slurmConf(), Duration.ofSeconds(60));
    }

    /** The cluster answers and the partition exists. */
    @Override
    public void preflight() {
        SlurmCommands.Result partitions = slurm.run(List.of("sinfo", "-h", "-o", "%R"));
        if (partitions.exit() != 0) {
            throw new PylonUserException("Slurm does not answer (sinfo: " + partitions.err().strip() + "); check that"
                    + " slurmctld runs and SLURM_CONF points at its slurm.conf");
        }
        Set<String> known = new LinkedHashSet<>(List.of(partitions.out().strip().split("\\s+")));
        if (!params.partition().isEmpty() && !known.contains(params.partition())) {
            throw new PylonUserException("Slurm partition '" + params.partition() + "' does not exist; partitions: "
                    + String.join(", ", known) + " (set it with --partition)");
        }
    }

    @Override
    public void adopt(Collection<JobStatus> running) {
        // Slurm keeps the queue: nothing is held here.
    }

    @Override
    public int freeSlots() {
        return Integer.MAX_VALUE;   // Slurm queues what the cluster cannot run yet
    }

    @Override
    public List<StartedAttempt> start(List<Attempt> attempts) {
        if (attempts.isEmpty()) {
            return List.of();
        }
        StringBuilder dispatch = new StringBuilder("#!/bin/sh\n# pylon launch: one array task per job attempt\n"
                + "case \"$SLURM_ARRAY_TASK_ID\" in\n");
        for (int i = 0; i < attempts.size(); i++) {
            Attempt attempt = attempts.get(i);
            Path jobDir = LaunchJournal.jobDir(launchDir, attempt.job().id());
            Path script = jobDir.resolve("attempt-" + attempt.number() + ".sh");
            write(script, new JobScript(attempt, program, jobDir.toString(), "", Map.of()).text());
            dispatch.append("  ").append(i).append(") exec sh ").append(JobScript.quote(script.toString())).append(" ;;\n");
        }
        dispatch.append("  *) echo \"no job for array task $SLURM_ARRAY_TASK_ID\" >&2; exit 3 ;;\nesac\n");
        Path slurmDir = launchDir.resolve("slurm");
        Path submit = slurmDir.resolve("submit-" + System.currentTimeMillis() + ".sh");
        write(submit, dispatch.toString());

        List<String> sbatch = new ArrayList<>(List.of("sbatch", "--parsable",
                "--array=0-" + (attempts.size() - 1) + (params.maxParallel() > 0 ? "%" + params.maxParallel() : ""),
                "--job-name=pylon-" + launchDir.getFileName(), "--output=" + slurmDir.resolve("%A_%a.out"),
                "--chdir=" + Path.of("").toAbsolutePath(), "--cpus-per-task=" + params.cpusPerTask()));
        if (!params.partition().isEmpty()) {
            sbatch.add("--partition=" + params.partition());
        }
        if (!params.time().isEmpty()) {
            sbatch.add("--time=" + params.time());
        }
        if (params.gpusPerTask() > 0) {
            sbatch.add("--gres=gpu:" + params.gpusPerTask());
        }
        sbatch.addAll(params.extraArgs());
        sbatch.add(submit.toString());
        SlurmCommands.Result result = slurm.run(sbatch);
        String arrayId = result.out().strip().split(";")[0];
        if (result.exit() != 0 || !arrayId.matches("\\d+")) {
            throw new PylonUserException("sbatch refused the job array: " + result.err().strip());
        }
        List<StartedAttempt> started = new ArrayList<>();
        for (int i = 0; i < attempts.size(); i++) {
            String task = arrayId + "_" + i;
            started.add(new StartedAttempt(attempts.get(i), "slurm " + task, task));
        }
        return started;
    }

    @Override
    public AttemptState poll(JobStatus running) {
        return pollAll(List.of(running)).get(running.job().id());
    }

    /** One {@code squeue} for all attempts; those no longer queued are read from their exit files. */
    @Override
    public Map<String, AttemptState> pollAll(List<JobStatus> running) {
        Set<String> arrays = new LinkedHashSet<>();
        running.forEach(s -> arrays.add(s.handle().split("_")[0]));
        SlurmCommands.Result queue = slurm.run(List.of("squeue", "-h", "-r", "-j", String.join(",", arrays), "-o", "%i %T"));
        Map<String, String> states = new HashMap<>();
        if (queue.exit() != 0 && !queue.err().contains("Invalid job id")) {
            throw new IllegalStateException("squeue failed: " + queue.err().strip());
        }
        for (String line : queue.out().split("\n")) {
            String[] parts = line.strip().split(" ");
            if (parts.length == 2) {
                states.put(parts[0], parts[1]);
            }
        }
        Map<String, AttemptState> result = new LinkedHashMap<>();
        for (JobStatus status : running) {
            String state = states.get(status.handle());
            Optional<Integer> exit = readExit(status);
            if (exit.isPresent()) {
                result.put(status.job().id(), new AttemptState.Exited(exit.get()));
            } else if (state != null && QUEUED.contains(state)) {
                result.put(status.job().id(), new AttemptState.Running());
            } else {
                result.put(status.job().id(), new AttemptState.Lost("Slurm task " + status.handle() + " left the queue"
                        + " without an exit status (" + (state != null ? state : lastState(status.handle())) + ")"));
            }
        }
        return result;
    }

    /** What {@code scontrol} still knows of an ended task (cancelled, node failure, time limit ...). */
    private String lastState(String task) {
        SlurmCommands.Result show = slurm.run(List.of("scontrol", "-o", "show", "job", task));
        for (String field : show.out().split("\\s+")) {
            if (field.startsWith("JobState=") || field.startsWith("Reason=")) {
                return field;
            }
        }
        return "no longer known to scontrol";
    }

    @Override
    public void release(JobStatus ended) {
    }

    @Override
    public void cancel(JobStatus running) {
        SlurmCommands.Result result = slurm.run(List.of("scancel", running.handle()));
        if (result.exit() != 0) {
            throw new PylonUserException("scancel " + running.handle() + " failed: " + result.err().strip());
        }
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

    private Optional<Integer> readExit(JobStatus status) {
        Path exit = Path.of(JobScript.exitFile(LaunchJournal.jobDir(launchDir, status.job().id()).toString(),
                status.attempts()));
        try {
            return Files.exists(exit) ? Optional.of(Integer.parseInt(Files.readString(exit).strip())) : Optional.empty();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file + ": " + e.getMessage(), e);
        }
    }
}
