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
}
