package io.pylon.config;

/**
 * Where a config value came from, so that every error can point the user at the place to fix.
 *
 * @param source a file path as the user gave it, or a description such as
 *               {@code command-line override 'a.b=c'}
 * @param line   1-based line in {@code source}, or 0 when {@code source} is not a file
 */
public record Origin(String source, int line) {

    public Origin {
        if (source == null || source.isEmpty()) {
            throw new IllegalArgumentException("an origin needs a source");
        }
        if (line < 0) {
            throw new IllegalArgumentException("line must be >= 0, got " + line);
        }
    }

    /** A position in a YAML file; {@code line} is 1-based. */
    public static Origin file(String path, int line) {
        return new Origin(path, line);
    }

    /** A value given on the command line as {@code text} (the whole argument, e.g. {@code a.b=3}). */
    public static Origin override(String text) {
        return new Origin("command-line override '" + text + "'", 0);
    }

    /** A value that has no file position, e.g. the {@link Default} of a record component. */
    public static Origin described(String description) {
        return new Origin(description, 0);
    }

    @Override
    public String toString() {
        return line > 0 ? source + ":" + line : source;
    }
}
