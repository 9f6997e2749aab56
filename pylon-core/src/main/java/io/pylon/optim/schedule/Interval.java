package io.pylon.optim.schedule;

/** The clock a schedule runs on, for learning rates and loss weights alike. */
public enum Interval {
    /** t counts optimizer steps. */
    STEP,
    /** t counts completed epochs. */
    EPOCH;

    /** The position {@code t} of (global step, epoch) on this clock. */
    public long position(long step, int epoch) {
        return this == STEP ? step : epoch;
    }
}
