package io.pylon.config;

import io.pylon.PylonUserException;

/**
 * A config mistake the user can fix. The message reads {@code origin: key.path: what is wrong and
 * what is allowed}, e.g. {@code examples/x.yaml:12: trainer.max_epochs: must be >= 1, got 0}; the key
 * path is left out when the mistake is not about one key (bad YAML syntax, bad override syntax).
 */
public final class ConfigException extends PylonUserException {

    private final Origin origin;
    private final String keyPath;
    private final String detail;

    public ConfigException(Origin origin, String keyPath, String detail) {
        this(origin, keyPath, detail, null);
    }

    public ConfigException(Origin origin, String keyPath, String detail, Throwable cause) {
        super(format(origin, keyPath, detail), cause);
        this.origin = origin;
        this.keyPath = keyPath == null ? "" : keyPath;
        this.detail = detail;
    }

    public Origin origin() {
        return origin;
    }

    /** The dotted key path the mistake is about ({@code trainer.max_epochs}), or "" if none. */
    public String keyPath() {
        return keyPath;
    }

    /** The message without origin and key path. */
    public String detail() {
        return detail;
    }

    private static String format(Origin origin, String keyPath, String detail) {
        StringBuilder message = new StringBuilder(origin.toString()).append(": ");
        if (keyPath != null && !keyPath.isEmpty()) {
            message.append(keyPath).append(": ");
        }
        return message.append(detail).toString();
    }
}
