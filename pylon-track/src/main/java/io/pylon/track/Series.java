package io.pylon.track;

/** A metric's values by step, ascending (NaN where a value was not finite). */
public record Series(String metric, long[] steps, double[] values) {

    public int size() {
        return steps.length;
    }
}
