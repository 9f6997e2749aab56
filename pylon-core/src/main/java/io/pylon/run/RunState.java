package io.pylon.run;

/**
 * What a run says about itself in {@code status.json}. A run that dies without a word (killed, power
 * lost) stays {@code RUNNING} in its file; {@link RunHealth} tells that apart from a live run.
 */
public enum RunState {
    RUNNING, FINISHED, FAILED, INTERRUPTED
}
