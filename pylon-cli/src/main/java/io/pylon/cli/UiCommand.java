package io.pylon.cli;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import io.pylon.PylonUserException;
import io.pylon.track.RunIndex;
import io.pylon.track.web.ViewerServer;

/** {@code pylon ui [--runs DIR] [--port N] [--host H]}: the web viewer of a runs root. */
@Command(name = "ui", description = "Web viewer of the runs: table, curves (live while training), compare, seed groups."
        + " Read-only; bound to 127.0.0.1 unless --host says otherwise.")
final class UiCommand implements Callable<Integer> {

    @Option(names = "--runs", paramLabel = "DIR", defaultValue = "runs", description = "the runs root (default: ${DEFAULT-VALUE})")
    Path runs;

    @Option(names = "--port", paramLabel = "N", defaultValue = "8765", description = "port (default: ${DEFAULT-VALUE}; 0: any free port)")
    int port;

    @Option(names = "--host", paramLabel = "H", defaultValue = "127.0.0.1",
            description = "address to listen on (default: ${DEFAULT-VALUE}); any other requires the printed access token")
    String host;

    @Option(names = "--debug", description = "show stack traces for user errors")
    boolean debug;

    @Override
    public Integer call() throws IOException {
        if (!Files.isDirectory(runs)) {
            throw new PylonUserException("runs root '" + runs + "' does not exist; pass --runs DIR (the"
                    + " experiment.runs_dir that `pylon train` wrote to)");
        }
        if (port < 0 || port > 65535) {
            throw new PylonUserException("--port " + port + " is not a port; use 1-65535, or 0 for any free port");
        }
        boolean loopback;
        try {
            loopback = InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            throw new PylonUserException("--host '" + host + "' is not an address of this machine; use 127.0.0.1"
                    + " (default) or the address to expose the viewer on");
        }
        RunIndex index = RunIndex.open(runs);
        ViewerServer server;
        try {
            server = ViewerServer.start(index, host, port);
        } catch (BindException e) {
            index.close();
            throw new PylonUserException("cannot listen on " + host + ":" + port + " (" + e.getMessage()
                    + "); choose another --port, or --port 0 for any free one");
        }
        if (!loopback) {
            System.err.println("warning: the viewer is reachable from other machines on " + host + ":" + server.port()
                    + "; every request needs the access token in the URL below (keep it private)");
        }
        System.out.println("pylon ui: " + index.runs().size() + " runs in " + runs.toAbsolutePath().normalize());
        System.out.println("open " + server.url() + "   (Ctrl-C stops)");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            index.close();
        }, "pylon-ui-stop"));
        server.await();
        return 0;
    }
}
