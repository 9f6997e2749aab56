package io.pylon.optim.schedule;

/** The clock a schedule runs on. */
public enum Interval {
    /** t counts optimizer steps. */
    STEP,
    /** t counts completed epochs. */
    EPOCH
}
