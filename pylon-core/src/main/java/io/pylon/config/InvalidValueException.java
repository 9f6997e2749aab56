package io.pylon.config;

/**
 * Thrown by a config record's compact constructor for a value out of range; the binder turns it into a
 * {@code ConfigException} that points at the file, line and key path of {@code key}.
 */
public final class InvalidValueException extends IllegalArgumentException {

    private final String key;

    public InvalidValueException(String key, String message) {
        super(message);
        this.key = key;
    }

    /** The snake_case key (relative to the record being built) whose value is wrong. */
    public String key() {
        return key;
    }

    /** Throws unless {@code condition}; {@code message} says what is allowed, e.g. "must be >= 1, got 0". */
    public static void require(boolean condition, String key, String message, Object... args) {
        if (!condition) {
            throw new InvalidValueException(key, String.format(message, args));
        }
    }
}
