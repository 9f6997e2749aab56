package io.pylon.launch.ssh;

import java.io.IOException;

/** A host that does not answer (refused, timed out, connection dropped): its jobs go elsewhere. */
final class HostUnreachableException extends IOException {

    private static final long serialVersionUID = 1L;

    HostUnreachableException(SshHost host, String detail, Throwable cause) {
        super(host.label() + ": " + detail, cause);
    }
}
