package io.pylon.optim.schedule;

/** How ReduceLROnPlateau's threshold is measured against the best value so far. */
public enum ThresholdMode {
    /** Improvement means beating best by a factor: best * (1 -/+ threshold). */
    REL,
    /** Improvement means beating best by an amount: best -/+ threshold. */
    ABS
}
