package io.pylon.launch.ssh;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;

import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.keyverifier.KnownHostsServerKeyVerifier;
import org.apache.sshd.client.keyverifier.RejectAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.keyprovider.FileKeyPairProvider;

import io.pylon.PylonUserException;

/**
 * One pooled SSH session per host (opened on first use, opened again when it closed), commands run on
 * exec channels. Host keys are checked against the known_hosts file only: a host whose key is absent
 * or changed is refused.
 */
final class SshConnections implements AutoCloseable {

    private final SshClient client;
    private final Duration timeout;
    private final Map<String, ClientSession> sessions = new HashMap<>();

    SshConnections(Path knownHosts, Duration timeout) {
        this.timeout = timeout;
        this.client = SshClient.setUpDefaultClient();
        client.setServerKeyVerifier(new KnownHostsServerKeyVerifier(RejectAllServerKeyVerifier.INSTANCE, knownHosts));
        client.start();
    }

    /** Runs {@code command} through the host's login shell and waits up to {@code limit} for it to end. */
    RemoteResult run(SshHost host, String command, Duration limit) throws IOException {
        ClientSession session = session(host);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (ChannelExec channel = session.createExecChannel(command)) {
            channel.setOut(out);
            channel.setErr(err);
            channel.open().verify(timeout);
            channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), limit);
            Integer exit = channel.getExitStatus();
            return new RemoteResult(exit == null ? -1 : exit, out.toString(StandardCharsets.UTF_8),
                    err.toString(StandardCharsets.UTF_8));
        }
    }

    /** The open session of a host, connecting and authenticating when there is none. */
    synchronized ClientSession session(SshHost host) throws IOException {
        ClientSession session = sessions.get(host.label());
        if (session != null && session.isOpen() && session.isAuthenticated()) {
            return session;
        }
        forget(host);
        session = connect(host);
        sessions.put(host.label(), session);
        return session;
    }

    /** Drops a host's session (after a failure), so that the next use connects again. */
    synchronized void forget(SshHost host) {
        ClientSession session = sessions.remove(host.label());
        if (session != null) {
            session.close(true);
        }
    }

    private ClientSession connect(SshHost host) throws IOException {
        KeyPair key = loadKey(host);
        ClientSession session;
        try {
            session = client.connect(host.user(), host.host(), host.port()).verify(timeout).getSession();
        } catch (IOException e) {
            throw new HostUnreachableException(host, "cannot connect: " + rootMessage(e), e);
        }
        try {
            session.addPublicKeyIdentity(key);
            session.auth().verify(timeout);
            return session;
        } catch (IOException e) {
            session.close(true);
            String message = rootMessage(e);
            if (message.contains("Server key did not validate") || message.contains("server key")) {
                throw new PylonUserException(host.label() + ": its host key is not in the known_hosts file (or it"
                        + " changed); refusing to connect. If the host is the right one, add its key with"
                        + " `ssh-keyscan -p " + host.port() + " " + host.host() + " >> KNOWN_HOSTS`", e);
            }
            if (message.contains("No more authentication methods") || message.contains("authentication")) {
                throw new PylonUserException(host.label() + ": the key " + host.key() + " was refused; add its"
                        + " public key to ~" + host.user() + "/.ssh/authorized_keys on " + host.host()
                        + ", or set the right `key:` in the hosts file", e);
            }
            throw new HostUnreachableException(host, "connection failed: " + message, e);
        }
    }

    private static KeyPair loadKey(SshHost host) {
        Path file = SshHosts.expandHome(host.key());
        if (!Files.isReadable(file)) {
            throw new PylonUserException(host.label() + ": key file " + file + " not found or not readable; set"
                    + " `key:` in the hosts file to a private key");
        }
        try {
            for (KeyPair pair : new FileKeyPairProvider(file).loadKeys(null)) {
                return pair;
            }
        } catch (RuntimeException e) {
            throw new PylonUserException(host.label() + ": could not read key " + file + " (" + rootMessage(e)
                    + "); give an unencrypted OpenSSH private key (RSA or ECDSA)", e);
        }
        throw new PylonUserException(host.label() + ": no key in " + file);
    }

    /** The innermost message of a chain (MINA wraps the same message several times). */
    static String rootMessage(Throwable e) {
        String message = e.getClass().getSimpleName();
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause.getMessage() != null && !cause.getMessage().isBlank()) {
                message = cause.getMessage();
            }
        }
        return message;
    }

    @Override
    public synchronized void close() {
        sessions.values().forEach(s -> s.close(true));
        sessions.clear();
        client.stop();
    }
}
