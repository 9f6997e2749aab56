package io.pylon.launch.ssh;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.pylon.PylonUserException;
import io.pylon.launch.Attempt;
import io.pylon.launch.AttemptState;
import io.pylon.launch.GpuShares;
import io.pylon.launch.JobExecutor;
import io.pylon.launch.JobScript;
import io.pylon.launch.JobStatus;
import io.pylon.launch.StartedAttempt;

/**
 * Runs attempts on SSH hosts, each detached from the connection that started it ({@code setsid}), so a
 * dropped connection or a restarted launcher does not stop it; its status is read back from the
 * wrapper's exit file and {@code kill -0} of its pid. The handle is the pid on the host (also its
 * process group, which {@code cancel} signals).
 */
public final class SshExecutor implements JobExecutor {

    private static final Logger LOG = LoggerFactory.getLogger(SshExecutor.class);

    private final String launchName;
    private final List<String> program;
    private final SshParams params;
    private final Map<String, SshHost> hosts = new LinkedHashMap<>();
    private final Map<String, HostHealth> health = new HashMap<>();
    /** job id -> host label and slot on that host */
    private final Map<String, Placement> placements = new HashMap<>();
    private final SshConnections connections;
    private final Duration commandTimeout;
    private final ExecutorService pool = java.util.concurrent.Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "ssh-command");
        thread.setDaemon(true);
        return thread;
    });

    private record Placement(String host, int slot) {
    }

    public SshExecutor(Path launchDir, List<String> program, SshParams params) {
        this(launchDir, program, params, Clock.systemUTC());
    }

    SshExecutor(Path launchDir, List<String> program, SshParams params, Clock clock) {
        this.launchName = launchDir.getFileName().toString();
        this.program = List.copyOf(program);
        this.params = params;
        SshHosts file = SshHosts.read(Path.of(params.hosts()));
        Duration backoff = Duration.ofMillis(Math.round(params.retryBackoffS() * 1000));
        for (SshHost host : file.hosts()) {
            hosts.put(host.label(), host);
            health.put(host.label(), new HostHealth(params.retries(), backoff, clock));
        }
        this.commandTimeout = Duration.ofSeconds(params.commandTimeoutS());
        this.connections = new SshConnections(SshHosts.expandHome(file.knownHosts()),
                Duration.ofSeconds(file.connectTimeoutS()));
    }

    /** Every host must answer, accept the key and have its workdir, before any job starts. */
    @Override
    public void preflight() {
        for (SshHost host : hosts.values()) {
            RemoteResult result;
            try {
                result = connections.run(host, "cd " + JobScript.quote(host.workdir()) + " && echo pylon-ok", commandTimeout);
            } catch (IOException e) {
                throw new PylonUserException("host " + host.label() + " is unreachable (" + SshConnections.rootMessage(e)
                        + "); start it, fix its entry in " + params.hosts() + ", or remove it from there", e);
            }
            if (result.exit() != 0 || !result.out().contains("pylon-ok")) {
                throw new PylonUserException("host " + host.label() + ": cannot enter workdir " + host.workdir() + " ("
                        + result.err().strip() + "); fix `workdir:` in " + params.hosts());
            }
        }
    }

    @Override
    public void adopt(Collection<JobStatus> running) {
        for (JobStatus status : running) {
            String[] where = status.where().split(" ");
            int slot = where.length >= 3 && where[2].matches("\\d+") ? Integer.parseInt(where[2]) : 0;
            placements.put(status.job().id(), new Placement(where[0], slot));
        }
    }

    @Override
    public int freeSlots() {
        recheckDueHosts();
        int free = 0;
        for (SshHost host : hosts.values()) {
            if (health.get(host.label()).healthy()) {
                free += host.maxJobs() - runningOn(host.label());
            }
        }
        return Math.max(0, free);
    }

    @Override
    public List<StartedAttempt> start(List<Attempt> attempts) {
        Map<SshHost, List<Attempt>> byHost = new LinkedHashMap<>();
        Map<String, String> whereOf = new HashMap<>();
        Map<SshHost, StringBuilder> commands = new LinkedHashMap<>();
        for (Attempt attempt : attempts) {
            Optional<SshHost> choice = hosts.values().stream()
                    .filter(h -> health.get(h.label()).healthy() && runningOn(h.label()) < h.maxJobs())
                    .max(Comparator.comparingInt(h -> h.maxJobs() - runningOn(h.label())));
            if (choice.isEmpty()) {
                break;
            }
            SshHost host = choice.get();
            int slot = freeSlotOn(host);
            placements.put(attempt.job().id(), new Placement(host.label(), slot));
            List<Integer> gpus = GpuShares.ofSlot(host.gpus(), host.maxJobs(), slot);
            Map<String, String> env = gpus.isEmpty() ? Map.of() : Map.of("CUDA_VISIBLE_DEVICES", GpuShares.visibleDevices(gpus));
            String jobDir = jobDir(attempt.job().id());
            List<String> command = program.isEmpty() ? List.of(host.pylon().strip().split("\\s+")) : program;
            String script = new JobScript(attempt, command, jobDir, host.workdir(), env).text();
            String file = jobDir + "/attempt-" + attempt.number() + ".sh";
            commands.computeIfAbsent(host, h -> new StringBuilder("cd " + JobScript.quote(h.workdir()) + " || exit 3\n"))
                    .append("mkdir -p ").append(JobScript.quote(jobDir)).append(" && echo ")
                    .append(Base64.getEncoder().encodeToString(script.getBytes(StandardCharsets.UTF_8)))
                    .append(" | base64 -d > ").append(JobScript.quote(file))
                    .append(" && { setsid sh ").append(JobScript.quote(file))
                    .append(" > /dev/null 2>&1 < /dev/null & echo ").append(attempt.job().id()).append(" $!; }\n");
            byHost.computeIfAbsent(host, h -> new ArrayList<>()).add(attempt);
            whereOf.put(attempt.job().id(), host.label() + " slot " + slot + GpuShares.label(gpus));
        }
        List<StartedAttempt> started = new ArrayList<>();
        Map<SshHost, Map<String, String>> answers = onEachHost(commands);
        byHost.forEach((host, hostAttempts) -> {
            Map<String, String> pids = answers.get(host);
            for (Attempt attempt : hostAttempts) {
                String pid = pids == null ? null : pids.get(attempt.job().id());
                if (pid == null || !pid.matches("\\d+")) {
                    placements.remove(attempt.job().id());   // stays pending; the host is marked failing
                    continue;
                }
                started.add(new StartedAttempt(attempt, whereOf.get(attempt.job().id()), pid));
            }
        });
        return started;
    }

    @Override
    public AttemptState poll(JobStatus running) {
        return pollAll(List.of(running)).get(running.job().id());
    }

    /** One status command per host for all of its attempts, the hosts asked in parallel. */
    @Override
    public Map<String, AttemptState> pollAll(List<JobStatus> running) {
        Map<String, AttemptState> states = new LinkedHashMap<>();
        Map<SshHost, StringBuilder> commands = new LinkedHashMap<>();
        Map<SshHost, List<JobStatus>> byHost = new LinkedHashMap<>();
        for (JobStatus status : running) {
            Placement placement = placements.get(status.job().id());
            SshHost host = placement == null ? null : hosts.get(placement.host());
            if (host == null) {
                states.put(status.job().id(), new AttemptState.Lost("its host " + status.where() + " is not in "
                        + params.hosts()));
                continue;
            }
            HostHealth state = health.get(host.label());
            if (state.dead()) {
                states.put(status.job().id(), lost(host));
                continue;
            }
            if (!state.healthy()) {
                states.put(status.job().id(), new AttemptState.Running());   // not known: re-checked with backoff
                continue;
            }
            String id = status.job().id();
            String exit = JobScript.quote(JobScript.exitFile(jobDir(id), status.attempts()));
            commands.computeIfAbsent(host, h -> new StringBuilder("cd " + JobScript.quote(h.workdir()) + " || exit 3\n"))
                    .append("if kill -0 ").append(status.handle()).append(" 2>/dev/null; then echo ").append(id)
                    .append(" running; elif [ -f ").append(exit).append(" ]; then echo ").append(id)
                    .append(" $(cat ").append(exit).append("); else echo ").append(id).append(" lost; fi\n");
            byHost.computeIfAbsent(host, h -> new ArrayList<>()).add(status);
        }
        Map<SshHost, Map<String, String>> answers = onEachHost(commands);
        byHost.forEach((host, statuses) -> {
            Map<String, String> answer = answers.get(host);
            for (JobStatus status : statuses) {
                String id = status.job().id();
                String value = answer == null ? null : answer.get(id);
                if (value == null) {
                    states.put(id, health.get(host.label()).dead() ? lost(host) : new AttemptState.Running());
                } else if (value.equals("running")) {
                    states.put(id, new AttemptState.Running());
                } else if (value.matches("-?\\d+")) {
                    states.put(id, new AttemptState.Exited(Integer.parseInt(value)));
                } else {
                    states.put(id, new AttemptState.Lost("process " + status.handle() + " on " + host.label()
                            + " ended without an exit status"));
                }
            }
        });
        return states;
    }

    private AttemptState lost(SshHost host) {
        return new AttemptState.Lost("host " + host.label() + " is down (" + health.get(host.label()).lastError() + ")");
    }

    /**
     * Runs each host's script in parallel and returns, per host that answered, its output lines as
     * {@code id -> rest of line}; a host that fails is marked failing and has no entry.
     */
    private Map<SshHost, Map<String, String>> onEachHost(Map<SshHost, StringBuilder> commands) {
        Map<SshHost, Future<RemoteResult>> futures = new LinkedHashMap<>();
        commands.forEach((host, command) -> futures.put(host,
                pool.submit(() -> connections.run(host, command.toString(), commandTimeout))));
        Map<SshHost, Map<String, String>> answers = new HashMap<>();
        futures.forEach((host, future) -> {
            try {
                RemoteResult result = future.get();
                if (result.exit() != 0) {
                    throw new IOException("command failed with status " + result.exit() + ": " + result.err().strip());
                }
                Map<String, String> lines = new HashMap<>();
                for (String line : result.out().split("\n")) {
                    String[] parts = line.strip().split(" ", 2);
                    if (parts.length == 2) {
                        lines.put(parts[0], parts[1]);
                    }
                }
                answers.put(host, lines);
                health.get(host.label()).succeeded();
            } catch (ExecutionException e) {
                hostFailed(host, e.getCause() instanceof IOException io ? io : new IOException(e.getCause()));
            } catch (IOException e) {
                hostFailed(host, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + host.label(), e);
            }
        });
        return answers;
    }

    @Override
    public void release(JobStatus ended) {
        placements.remove(ended.job().id());
    }

    @Override
    public void cancel(JobStatus running) {
        SshHost host = hosts.get(running.where().split(" ")[0]);
        if (host == null || !running.handle().matches("\\d+")) {
            return;
        }
        try {
            connections.run(host, "kill -TERM -- -" + running.handle() + " 2>/dev/null; true", commandTimeout);
        } catch (IOException e) {
            throw new PylonUserException("could not cancel job " + running.job().id() + " on " + host.label() + ": "
                    + SshConnections.rootMessage(e), e);
        }
    }

    @Override
    public String log(JobStatus status) {
        String label = status.where().split(" ")[0];
        SshHost host = hosts.get(label);
        if (host == null) {
            return "";
        }
        try {
            return connections.run(host, "cd " + JobScript.quote(host.workdir()) + " && cat "
                    + JobScript.quote(jobDir(status.job().id()) + "/out.log") + " 2>/dev/null", commandTimeout).out();
        } catch (IOException e) {
            throw new PylonUserException("could not read the log of job " + status.job().id() + " from " + label + ": "
                    + SshConnections.rootMessage(e), e);
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
        connections.close();
    }

    /** The job's folder on a host, relative to its workdir. */
    private String jobDir(String jobId) {
        return ".pylon-launch/" + launchName + "/jobs/" + jobId;
    }

    private int runningOn(String label) {
        return (int) placements.values().stream().filter(p -> p.host().equals(label)).count();
    }

    private int freeSlotOn(SshHost host) {
        TreeSet<Integer> free = new TreeSet<>();
        for (int i = 0; i < host.maxJobs(); i++) {
            free.add(i);
        }
        placements.values().stream().filter(p -> p.host().equals(host.label())).forEach(p -> free.remove(p.slot()));
        return free.isEmpty() ? 0 : free.first();
    }

    private void hostFailed(SshHost host, IOException e) {
        connections.forget(host);
        HostHealth state = health.get(host.label());
        state.failed(SshConnections.rootMessage(e));
        LOG.warn("host {} failed a check ({}){}", host.label(), state.lastError(),
                state.dead() ? "; it counts as down, its jobs are rescheduled" : "; checking again with backoff");
    }

    private void recheckDueHosts() {
        for (SshHost host : hosts.values()) {
            HostHealth state = health.get(host.label());
            if (state.checkDue()) {
                try {
                    connections.run(host, "true", commandTimeout);
                    if (!state.healthy()) {
                        LOG.info("host {} answers again", host.label());
                    }
                    state.succeeded();
                } catch (IOException e) {
                    hostFailed(host, e);
                }
            }
        }
    }
}
