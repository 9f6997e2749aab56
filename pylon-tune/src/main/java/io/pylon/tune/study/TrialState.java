package io.pylon.tune.study;

import java.util.Locale;

/** Where a trial stands; only {@link #RUNNING} and {@link #WAITING} trials can still change. */
public enum TrialState {
    /** Queued to be run again with the same parameters (a retry of a worker that stopped beating). */
    WAITING,
    RUNNING,
    COMPLETE,
    PRUNED,
    FAIL;

    public boolean finished() {
        return this == COMPLETE || this == PRUNED || this == FAIL;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses complete, pruned or fail (what {@code pylon study tell --state} accepts). */
    public static TrialState parseFinal(String text) {
        for (TrialState state : values()) {
            if (state.finished() && state.label().equals(text)) {
                return state;
            }
        }
        throw new IllegalArgumentException("unknown trial state '" + text + "'; expected complete, pruned or fail");
    }
}
