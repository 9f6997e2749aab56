package io.pylon.metrics;

/** Whether a larger value of a metric is an improvement; monitors use it instead of a "mode" setting. */
public enum Direction {
    HIGHER_IS_BETTER,
    LOWER_IS_BETTER;

    /** True when {@code candidate} improves on {@code reference} by more than {@code minDelta}. */
    public boolean improves(double candidate, double reference, double minDelta) {
        return this == HIGHER_IS_BETTER ? candidate > reference + minDelta : candidate < reference - minDelta;
    }

    public double worst() {
        return this == HIGHER_IS_BETTER ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }

    /**
     * Compares two values so that the better one is greater; NaN is worse than any number (and equal to NaN).
     */
    public int compare(double a, double b) {
        boolean aNaN = Double.isNaN(a);
        boolean bNaN = Double.isNaN(b);
        if (aNaN || bNaN) {
            return aNaN == bNaN ? 0 : aNaN ? -1 : 1;
        }
        int c = Double.compare(a, b);
        if (a == b) {
            c = 0;
        }
        return this == HIGHER_IS_BETTER ? c : -c;
    }
}
