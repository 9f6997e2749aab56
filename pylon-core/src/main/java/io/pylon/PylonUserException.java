package io.pylon;

/**
 * A mistake the user can fix (bad config, missing or corrupt data file, bad checkpoint). The CLI prints
 * its message without a stack trace, so the message must say where (file:line, key, sample index) and
 * what to do.
 */
public class PylonUserException extends RuntimeException {

    public PylonUserException(String message) {
        super(message);
    }

    public PylonUserException(String message, Throwable cause) {
        super(message, cause);
    }
}
