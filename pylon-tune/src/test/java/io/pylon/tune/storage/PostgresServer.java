package io.pylon.tune.storage;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL cluster (Debian's postgresql package) on 127.0.0.1 and a free port, with trust
 * authentication, removed on close. As root the server runs as the {@code postgres} user (it refuses root).
 */
final class PostgresServer implements AutoCloseable {

    private static final Path BIN = Path.of("/usr/lib/postgresql/15/bin");

    private final Path dir;
    private final int port;
    private final String user;

    private PostgresServer(Path dir, int port, String user) {
        this.dir = dir;
        this.port = port;
        this.user = user;
    }

    static PostgresServer start() throws IOException, InterruptedException {
        if (!Files.isExecutable(BIN.resolve("initdb"))) {
            throw new IllegalStateException("PostgreSQL 15 is not installed (" + BIN + "/initdb); install Debian's"
                    + " postgresql package (.ci/run does)");
        }
        boolean root = "root".equals(System.getProperty("user.name"));
        String user = root ? "postgres" : System.getProperty("user.name");
        Path dir = Files.createTempDirectory(Path.of("/tmp"), "pylon-pg-");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        if (root) {
            run(List.of("chown", user, dir.toString()));
        }
        PostgresServer server = new PostgresServer(dir, port, user);
        server.asUser(List.of(BIN.resolve("initdb").toString(), "-D", dir.resolve("data").toString(), "-U", user,
                "--auth=trust", "--no-sync", "-E", "UTF8"));
        server.asUser(List.of(BIN.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-l",
                dir.resolve("log").toString(), "-w", "-t", "60", "-o",
                "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c max_connections=50 -c fsync=off",
                "start"));
        return server;
    }

    String url() {
        return "postgresql://" + user + "@127.0.0.1:" + port + "/postgres";
    }

    private void asUser(List<String> command) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (!user.equals(System.getProperty("user.name"))) {
            full.addAll(List.of("runuser", "-u", user, "--"));
        }
        full.addAll(command);
        run(full);
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            asUser(List.of(BIN.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "immediate",
                    "-w", "stop"));
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
