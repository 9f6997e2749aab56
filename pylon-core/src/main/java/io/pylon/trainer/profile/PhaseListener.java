package io.pylon.trainer.profile;

/** Receives every phase of the steps a {@link StepProfiler} synchronises (e.g. to write a trace). */
@FunctionalInterface
public interface PhaseListener {

    /**
     * @param step the optimizer step the phase belongs to (1-based, as logged)
     * @param startNanos start on the profiler's clock
     * @param endNanos end on the profiler's clock
     */
    void onPhase(long step, Phase phase, long startNanos, long endNanos);
}
