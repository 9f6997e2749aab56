package io.pylon.criteria.composite;

/** What a weight schedule counts: optimizer steps or epochs. */
public enum ScheduleUnit {
    STEP,
    EPOCH;

    /** The position {@code t} of (step, epoch) in this unit. */
    public long position(long step, int epoch) {
        return this == STEP ? step : epoch;
    }
}
