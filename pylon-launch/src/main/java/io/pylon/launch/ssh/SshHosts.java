package io.pylon.launch.ssh;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.pylon.PylonUserException;
import io.pylon.config.Binder;
import io.pylon.config.Default;
import io.pylon.config.InvalidValueException;
import io.pylon.config.MapNode;
import io.pylon.config.YamlReader;

/**
 * The hosts file:
 * <pre>
 * known_hosts: ~/.ssh/known_hosts
 * hosts:
 *   - {host: gpu1, user: me, key: ~/.ssh/id_ecdsa, workdir: /home/me/pylon, gpus: [0, 1], max_jobs: 2}
 * </pre>
 *
 * @param hosts          the machines, each with its own capacity
 * @param knownHosts     where the hosts' keys are checked; a host whose key is not there is refused
 * @param connectTimeoutS seconds to wait for a connection or an authentication
 */
public record SshHosts(List<SshHost> hosts, @Default("~/.ssh/known_hosts") String knownHosts,
        @Default("10") int connectTimeoutS) {

    public SshHosts {
        hosts = List.copyOf(hosts);
        InvalidValueException.require(!hosts.isEmpty(), "hosts", "list at least one host");
        InvalidValueException.require(connectTimeoutS >= 1, "connect_timeout_s", "must be >= 1, got %d", connectTimeoutS);
        Set<String> labels = new HashSet<>();
        for (SshHost host : hosts) {
            InvalidValueException.require(labels.add(host.label()), "hosts", "%s is listed twice", host.label());
        }
    }

    /** Reads and checks a hosts file; mistakes name the file and line. */
    public static SshHosts read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new PylonUserException("hosts file " + file + " not found; pass --hosts FILE (see docs/launch.md)");
        }
        MapNode root = YamlReader.readFile(file);
        return Binder.bind(root, "", SshHosts.class);
    }

    /** {@code ~/x} as the launcher's home folder. */
    static Path expandHome(String path) {
        return path.startsWith("~/") ? Path.of(System.getProperty("user.home"), path.substring(2)) : Path.of(path);
    }
}
