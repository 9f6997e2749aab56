package io.pylon.tune.space;

/**
 * A real value in [{@code low}, {@code high}], sampled uniformly or uniformly in its logarithm.
 *
 * @param log whether the search is uniform in log(value); needs {@code low > 0}
 */
public record FloatRange(double low, double high, boolean log) implements Distribution {

    public FloatRange {
        if (!(low < high)) {
            throw new IllegalArgumentException("needs low < high, got [" + low + ", " + high + "]");
        }
        if (log && low <= 0) {
            throw new IllegalArgumentException("a log range needs low > 0, got [" + low + ", " + high + "]");
        }
    }

    @Override
    public double internalLow() {
        return log ? Math.log(low) : low;
    }

    @Override
    public double internalHigh() {
        return log ? Math.log(high) : high;
    }

    @Override
    public double toInternal(Object value) {
        double v = ((Number) value).doubleValue();
        return log ? Math.log(v) : v;
    }

    @Override
    public Object toExternal(double internal) {
        double v = log ? Math.exp(internal) : internal;
        return Math.min(high, Math.max(low, v));
    }
}
