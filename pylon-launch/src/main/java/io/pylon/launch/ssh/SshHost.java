package io.pylon.launch.ssh;

import java.util.List;

import io.pylon.config.Default;
import io.pylon.config.InvalidValueException;

/**
 * One entry of the hosts file.
 *
 * @param host    name or address
 * @param port    SSH port
 * @param user    login
 * @param key     private key file (OpenSSH format, RSA or ECDSA), {@code ~} = the launcher's home
 * @param workdir folder on the host holding the project (configs, {@code ./pylon}); jobs start there
 * @param gpus    GPU indices shared out among the host's job slots; empty = none
 * @param maxJobs jobs at once on this host
 * @param pylon   command that runs {@code train ...} on the host, relative to {@code workdir}
 */
public record SshHost(String host, @Default("22") int port, String user, String key, String workdir,
        @Default("[]") List<Integer> gpus, @Default("1") int maxJobs, @Default("./pylon") String pylon) {

    public SshHost {
        gpus = List.copyOf(gpus);
        InvalidValueException.require(!host.isBlank(), "host", "must not be empty");
        InvalidValueException.require(port > 0 && port < 65536, "port", "must be in [1, 65535], got %d", port);
        InvalidValueException.require(!user.isBlank(), "user", "must not be empty");
        InvalidValueException.require(!workdir.isBlank(), "workdir", "must not be empty");
        InvalidValueException.require(maxJobs >= 1, "max_jobs", "must be >= 1, got %d", maxJobs);
    }

    /** {@code user@host:port}, how status lines and errors name the host. */
    public String label() {
        return user + "@" + host + ":" + port;
    }
}
