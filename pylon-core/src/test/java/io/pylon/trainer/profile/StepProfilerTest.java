package io.pylon.trainer.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class StepProfilerTest {

    private final AtomicLong now = new AtomicLong();
    private final AtomicInteger syncs = new AtomicInteger();

    private void advanceMillis(long ms) {
        now.addAndGet(ms * 1_000_000);
    }

    private Optional<StepTimings> runStep(StepProfiler profiler, long step, int microBatches) {
        profiler.startStep(step);
        for (int i = 0; i < microBatches; i++) {
            advanceMillis(1);
            profiler.mark(Phase.DATA_WAIT);
            advanceMillis(2);
            profiler.mark(Phase.HOST_TO_DEVICE);
            advanceMillis(10);
            profiler.mark(Phase.FORWARD);
            advanceMillis(20);
            profiler.mark(Phase.BACKWARD);
        }
        advanceMillis(5);
        profiler.mark(Phase.OPTIMIZER);
        advanceMillis(3);
        profiler.mark(Phase.CALLBACKS);
        return profiler.endStep();
    }

    @Test
    void onlyEveryNthStepIsMeasuredAndSynchronised() {
        StepProfiler profiler = new StepProfiler(3, syncs::incrementAndGet, now::get);
        assertThat(runStep(profiler, 1, 1)).isEmpty();
        assertThat(runStep(profiler, 2, 1)).isEmpty();
        assertThat(syncs).hasValue(0);
        StepTimings third = runStep(profiler, 3, 1).orElseThrow();
        assertThat(third.step()).isEqualTo(3);
        // one sync at the start and one per mark: 6 phases
        assertThat(syncs).hasValue(7);
        assertThat(third.millis()).containsEntry(Phase.FORWARD, 10.0).containsEntry(Phase.BACKWARD, 20.0)
                .containsEntry(Phase.CALLBACKS, 3.0);
        assertThat(third.totalMillis()).isEqualTo(41.0);
        assertThat(third.logValues()).containsEntry("time_ms/forward", 10.0).containsEntry("time_ms/step", 41.0);
        assertThat(profiler.last()).contains(third);
    }

    @Test
    void phasesOfAccumulatedMicroBatchesAddUp() {
        StepProfiler profiler = new StepProfiler(1, () -> { }, now::get);
        StepTimings timings = runStep(profiler, 1, 3).orElseThrow();
        assertThat(timings.millis()).containsEntry(Phase.FORWARD, 30.0).containsEntry(Phase.DATA_WAIT, 3.0)
                .containsEntry(Phase.OPTIMIZER, 5.0);
        assertThat(timings.summary()).isEqualTo("backward 60.0ms forward 30.0ms host_to_device 6.0ms");
    }

    @Test
    void aListenerGetsEveryPhaseOfItsWindowInOrder() {
        StepProfiler profiler = new StepProfiler(0, syncs::incrementAndGet, now::get);
        List<String> seen = new ArrayList<>();
        profiler.listen(2, 3, (step, phase, start, end) -> seen.add(step + ":" + phase.key() + ":" + (end - start) / 1_000_000));
        for (long step = 1; step <= 4; step++) {
            runStep(profiler, step, 1);
        }
        assertThat(seen).hasSize(12).startsWith("2:data_wait:1", "2:host_to_device:2", "2:forward:10", "2:backward:20",
                "2:optimizer:5", "2:callbacks:3", "3:data_wait:1");
        assertThat(profiler.last().orElseThrow().step()).isEqualTo(3);
    }

    @Test
    void offNeverMeasures() {
        StepProfiler profiler = StepProfiler.off();
        assertThat(runStep(profiler, 50, 1)).isEmpty();
        assertThat(profiler.last()).isEmpty();
    }
}
