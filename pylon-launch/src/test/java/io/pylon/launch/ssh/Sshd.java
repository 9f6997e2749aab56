package io.pylon.launch.ssh;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A real OpenSSH server ({@code /usr/sbin/sshd -D}) on 127.0.0.1 and a free port, with throwaway host
 * and user keys in a temp folder: one "host" for SSH executor tests. Stopping it kills the listener
 * and every connection it serves, as if the machine went away.
 */
final class Sshd implements AutoCloseable {

    private final Path dir;
    private final int port;
    private Process process;

    private Sshd(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    /** Starts a server whose only authorized key is {@code userKey}'s public half. */
    static Sshd start(Path dir, Path userKey) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Files.createDirectories(Path.of("/run/sshd"));   // privilege separation folder sshd insists on
        keygen(dir.resolve("host_key"));
        Files.copy(Path.of(userKey + ".pub"), dir.resolve("authorized_keys"));
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Files.writeString(dir.resolve("sshd_config"), String.join("\n",
                "Port " + port,
                "ListenAddress 127.0.0.1",
                "HostKey " + dir.resolve("host_key"),
                "PidFile " + dir.resolve("sshd.pid"),
                "AuthorizedKeysFile " + dir.resolve("authorized_keys"),
                "StrictModes no",
                "UsePAM no",
                "PasswordAuthentication no",
                "KbdInteractiveAuthentication no",
                "PubkeyAuthentication yes",
                "PermitRootLogin prohibit-password",
                "MaxSessions 50",
                "MaxStartups 50",
                // bash started by sshd sources ~/.bashrc only at shell level < 2: the remote commands then skip the
                // login user's interactive set-up (root's pyenv init here: 5 s per command, and a rehash lock left
                // stale when the test kills a host stalled every later login for 60 s)
                "SetEnv SHLVL=1",
                "") );
        Sshd sshd = new Sshd(dir, port);
        sshd.process = new ProcessBuilder("/usr/sbin/sshd", "-D", "-e", "-f", dir.resolve("sshd_config").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("sshd.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return sshd;
            } catch (IOException notYet) {
                if (!sshd.process.isAlive()) {
                    throw new IOException("sshd exited: " + Files.readString(dir.resolve("sshd.log")));
                }
                Thread.sleep(50);
            }
        }
        throw new IOException("sshd did not listen on port " + port + " within 20 s");
    }

    /** Writes an ECDSA key pair without a passphrase ({@code file}, {@code file.pub}). */
    static Path keygen(Path file) throws IOException, InterruptedException {
        Process keygen = new ProcessBuilder("ssh-keygen", "-q", "-t", "ecdsa", "-N", "", "-f", file.toString())
                .redirectErrorStream(true).start();
        keygen.getInputStream().readAllBytes();
        if (keygen.waitFor() != 0) {
            throw new IOException("ssh-keygen failed for " + file);
        }
        return file;
    }

    int port() {
        return port;
    }

    /** The known_hosts line that vouches for this server's host key. */
    String knownHostsLine() throws IOException {
        String[] pub = Files.readString(dir.resolve("host_key.pub")).strip().split(" ");
        return "[127.0.0.1]:" + port + " " + pub[0] + " " + pub[1];
    }

    /** A hosts-file entry for this server. */
    String hostEntry(Path key, Path workdir, int maxJobs) {
        return "  - {host: 127.0.0.1, port: " + port + ", user: " + System.getProperty("user.name") + ", key: " + key
                + ", workdir: " + workdir + ", max_jobs: " + maxJobs + "}\n";
    }

    /** Kills the listener and all its connections at once. */
    void kill() {
        if (process != null) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        kill();
    }
}
