package io.pylon.config.override;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A dotted path to a config key, e.g. {@code trainer.max_epochs}; an all-digit segment indexes a list
 * ({@code model.layers.0}).
 */
public record KeyPath(List<String> segments) {

    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_-]+");

    public KeyPath {
        segments = List.copyOf(segments);
        if (segments.isEmpty()) {
            throw new IllegalArgumentException("a key path has at least one segment");
        }
        for (String segment : segments) {
            if (!SEGMENT.matcher(segment).matches()) {
                throw new IllegalArgumentException("bad key path segment '" + segment + "'");
            }
        }
    }

    /** Whether {@code text} is a well-formed key path (what {@link #of} accepts). */
    public static boolean isValid(String text) {
        if (text.isEmpty() || text.startsWith(".") || text.endsWith(".")) {
            return false;
        }
        for (String segment : text.split("\\.", -1)) {
            if (!SEGMENT.matcher(segment).matches()) {
                return false;
            }
        }
        return true;
    }

    /** Parses {@code a.b.c}; throws IllegalArgumentException for a malformed path. */
    public static KeyPath of(String text) {
        if (!isValid(text)) {
            throw new IllegalArgumentException("bad key path '" + text + "'");
        }
        return new KeyPath(List.of(text.split("\\.")));
    }

    public String last() {
        return segments.getLast();
    }

    /** The path without its last segment; empty for a top-level key. */
    public List<String> parent() {
        return segments.subList(0, segments.size() - 1);
    }

    @Override
    public String toString() {
        return String.join(".", segments);
    }
}
