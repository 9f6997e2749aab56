package io.pylon.trainer.profile;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.LongSupplier;

/**
 * Times the phases of training steps. The loop calls {@link #startStep} before fetching a step's first
 * batch, {@link #mark} at the end of every phase and {@link #endStep} after the callbacks. Only sampled
 * steps (every {@code every}-th, plus those a listener asked for) are measured, and on those each mark first
 * waits for the device ({@code deviceSync}), so asynchronous CUDA kernels count in the phase that queued
 * them; other steps cost two clock reads per mark and no sync.
 */
public final class StepProfiler {

    private final int every;
    private final Runnable deviceSync;
    private final LongSupplier clock;
    private final List<Window> windows = new ArrayList<>();
    private final Map<Phase, Double> millis = new EnumMap<>(Phase.class);
    private long step;
    private boolean sampled;
    private long phaseStart;
    private StepTimings last;

    private record Window(long firstStep, long lastStep, PhaseListener listener) {
        boolean contains(long step) {
            return step >= firstStep && step <= lastStep;
        }
    }

    /**
     * @param every sample every N-th step; 0 samples only steps a listener asked for
     * @param deviceSync waits until the device has finished the queued work (a no-op on the CPU)
     * @param clock nanosecond clock (injectable for tests)
     */
    public StepProfiler(int every, Runnable deviceSync, LongSupplier clock) {
        if (every < 0) {
            throw new IllegalArgumentException("profile interval must be >= 0, got " + every);
        }
        this.every = every;
        this.deviceSync = deviceSync;
        this.clock = clock;
    }

    /** A profiler that never samples (for loops that run without one). */
    public static StepProfiler off() {
        return new StepProfiler(0, () -> { }, System::nanoTime);
    }

    /** Asks for every phase of steps {@code firstStep..lastStep} (1-based, inclusive), synchronised. */
    public void listen(long firstStep, long lastStep, PhaseListener listener) {
        windows.add(new Window(firstStep, lastStep, listener));
    }

    /** Begins optimizer step {@code nextStep} (1-based: the step the coming batches will make). */
    public void startStep(long nextStep) {
        step = nextStep;
        sampled = (every > 0 && nextStep % every == 0) || windows.stream().anyMatch(w -> w.contains(nextStep));
        millis.clear();
        if (sampled) {
            deviceSync.run();
            HostMemory.resetPeak();
            phaseStart = clock.getAsLong();
        }
    }

    /** Ends {@code phase}: the time since the previous mark (or the step start) is charged to it. */
    public void mark(Phase phase) {
        if (!sampled) {
            return;
        }
        deviceSync.run();
        long now = clock.getAsLong();
        millis.merge(phase, (now - phaseStart) / 1e6, Double::sum);
        for (Window w : windows) {
            if (w.contains(step)) {
                w.listener().onPhase(step, phase, phaseStart, now);
            }
        }
        phaseStart = now;
    }

    /** Ends the step; returns its timings if it was sampled. */
    public Optional<StepTimings> endStep() {
        if (!sampled) {
            return Optional.empty();
        }
        sampled = false;
        OptionalLong peak = HostMemory.peakBytes();
        last = new StepTimings(step, millis, peak);
        return Optional.of(last);
    }

    /** The last sampled step's timings. */
    public Optional<StepTimings> last() {
        return Optional.ofNullable(last);
    }
}
