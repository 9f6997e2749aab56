package io.pylon.launch.slurm;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real single-node Slurm started for a test: {@code munged} as the munge user on its own socket,
 * {@code slurmctld} and {@code slurmd} as root in the foreground, one node {@code localhost} with 2
 * CPUs and a partition {@code debug}, all state under a temp folder, no accounting storage.
 */
final class SlurmCluster implements AutoCloseable {

    private final Path dir;
    private final List<Process> daemons = new ArrayList<>();

    private SlurmCluster(Path dir) {
        this.dir = dir;
    }

    static SlurmCluster start(Path dir) throws IOException, InterruptedException {
        SlurmCluster cluster = new SlurmCluster(dir);
        try {
            cluster.startDaemons();
        } catch (IOException | RuntimeException e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    Path conf() {
        return dir.resolve("slurm.conf");
    }

    private void startDaemons() throws IOException, InterruptedException {
        for (Path parent = dir; parent != null && parent.startsWith("/tmp"); parent = parent.getParent()) {
            Files.setPosixFilePermissions(parent, PosixFilePermissions.fromString("rwxr-xr-x"));   // munge must reach its socket
        }
        Path munge = Files.createDirectories(dir.resolve("munge"));
        Files.createDirectories(dir.resolve("state"));
        Files.createDirectories(dir.resolve("spool"));
        byte[] key = new byte[128];
        new SecureRandom().nextBytes(key);
        Files.write(munge.resolve("munge.key"), key);
        run("chown", "-R", "munge:munge", munge.toString());
        run("chmod", "400", munge.resolve("munge.key").toString());
        Path socket = munge.resolve("munge.socket");
        daemons.add(daemon("munged", "runuser", "-u", "munge", "--", "/usr/sbin/munged", "-F",
                "--socket=" + socket, "--key-file=" + munge.resolve("munge.key"),
                "--pid-file=" + munge.resolve("munged.pid"), "--log-file=" + munge.resolve("munged.log"),
                "--seed-file=" + munge.resolve("munged.seed")));
        waitFor(socket);
        int ctldPort = freePort();
        int slurmdPort = freePort();
        Files.writeString(conf(), String.join("\n",
                "ClusterName=pylontest",
                "SlurmctldHost=localhost",
                "SlurmctldPort=" + ctldPort,
                "SlurmdPort=" + slurmdPort,
                "SlurmUser=root",
                "AuthType=auth/munge",
                "AuthInfo=socket=" + socket,
                "CredType=cred/munge",
                "StateSaveLocation=" + dir.resolve("state"),
                "SlurmdSpoolDir=" + dir.resolve("spool"),
                "SlurmctldPidFile=" + dir.resolve("slurmctld.pid"),
                "SlurmdPidFile=" + dir.resolve("slurmd.pid"),
                "ProctrackType=proctrack/linuxproc",
                "TaskPlugin=task/none",
                "SchedulerType=sched/builtin",
                "SelectType=select/cons_tres",
                "SelectTypeParameters=CR_CPU",
                "ReturnToService=2",
                "MpiDefault=none",
                "JobAcctGatherType=jobacct_gather/none",
                "AccountingStorageType=accounting_storage/none",
                "NodeName=localhost CPUs=2 State=UNKNOWN",
                "PartitionName=debug Nodes=localhost Default=YES MaxTime=INFINITE State=UP",
                ""));
        daemons.add(daemon("slurmctld", "/usr/sbin/slurmctld", "-D", "-i", "-f", conf().toString()));
        daemons.add(daemon("slurmd", "/usr/sbin/slurmd", "-D", "-f", conf().toString()));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            ProcessBuilder sinfo = new ProcessBuilder("sinfo", "-h", "-o", "%t").redirectErrorStream(true);
            sinfo.environment().put("SLURM_CONF", conf().toString());
            Process process = sinfo.start();
            String state = new String(process.getInputStream().readAllBytes()).strip();
            process.waitFor();
            if (state.equals("idle")) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IOException("the test Slurm did not come up within 30 s; see " + dir);
    }

    private Process daemon(String name, String... command) throws IOException {
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".log").toFile()).start();
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).inheritIO().start();
        if (process.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed");
        }
    }

    private static void waitFor(Path file) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!Files.exists(file)) {
            if (System.nanoTime() > deadline) {
                throw new IOException(file + " did not appear within 10 s");
            }
            Thread.sleep(20);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        for (int i = daemons.size() - 1; i >= 0; i--) {
            Process daemon = daemons.get(i);
            daemon.descendants().forEach(ProcessHandle::destroy);
            daemon.destroy();
            try {
                if (!daemon.waitFor(10, TimeUnit.SECONDS)) {
                    daemon.descendants().forEach(ProcessHandle::destroyForcibly);
                    daemon.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
