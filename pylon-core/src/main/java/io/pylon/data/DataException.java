package io.pylon.data;

import io.pylon.PylonUserException;

/**
 * A sample or data file that cannot be read. The message starts with the file (or dataset) and the
 * sample index, then says what is wrong and what to do, so a bad file among thousands can be found.
 */
public final class DataException extends PylonUserException {

    private static final long serialVersionUID = 1L;

    /** Index used when a problem concerns a whole file rather than one sample. */
    public static final long NO_SAMPLE = -1;

    private final String source;
    private final long sampleIndex;

    public DataException(String source, long sampleIndex, String problem) {
        super(describe(source, sampleIndex) + ": " + problem);
        this.source = source;
        this.sampleIndex = sampleIndex;
    }

    public DataException(String source, long sampleIndex, String problem, Throwable cause) {
        super(describe(source, sampleIndex) + ": " + problem, cause);
        this.source = source;
        this.sampleIndex = sampleIndex;
    }

    /** A problem with a whole file. */
    public static DataException file(String source, String problem, Throwable cause) {
        return new DataException(source, NO_SAMPLE, problem, cause);
    }

    /** The file or dataset the problem is in. */
    public String source() {
        return source;
    }

    /** The sample's index, or {@link #NO_SAMPLE}. */
    public long sampleIndex() {
        return sampleIndex;
    }

    private static String describe(String source, long sampleIndex) {
        return sampleIndex == NO_SAMPLE ? source : source + " (sample " + sampleIndex + ")";
    }
}
