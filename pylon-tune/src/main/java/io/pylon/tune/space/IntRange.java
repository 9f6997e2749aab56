package io.pylon.tune.space;

/**
 * An integer in [{@code low}, {@code high}] (both included), uniform or uniform in its logarithm.
 * Internally a real line from {@code low - 0.5} to {@code high + 0.5} (or their logarithms), rounded, so every integer gets
 * the same share.
 */
public record IntRange(long low, long high, boolean log) implements Distribution {

    public IntRange {
        if (low > high) {
            throw new IllegalArgumentException("needs low <= high, got [" + low + ", " + high + "]");
        }
        if (log && low <= 0) {
            throw new IllegalArgumentException("a log range needs low > 0, got [" + low + ", " + high + "]");
        }
    }

    @Override
    public double internalLow() {
        return log ? Math.log(low - 0.5) : low - 0.5;
    }

    @Override
    public double internalHigh() {
        return log ? Math.log(high + 0.5) : high + 0.5;
    }

    @Override
    public double toInternal(Object value) {
        double v = ((Number) value).doubleValue();
        return log ? Math.log(v) : v;
    }

    @Override
    public Object toExternal(double internal) {
        long v = Math.round(log ? Math.exp(internal) : internal);
        return Math.min(high, Math.max(low, v));
    }
}
