package io.pylon.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class RunHealthTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final Duration STALE = Duration.ofMinutes(5);

    private static Optional<RunStatus> status(RunState state, Duration heartbeatAge, String host) {
        Instant beat = NOW.minus(heartbeatAge);
        return Optional.of(new RunStatus(state, 4242, host, beat.minusSeconds(60), beat,
                state == RunState.RUNNING ? Optional.empty() : Optional.of(beat), 10, "", "git:abc"));
    }

    private static RunHealth classify(Optional<RunStatus> status, boolean alive, boolean checkpoint) {
        return RunHealth.classify(status, NOW, STALE, pid -> alive && pid == 4242, checkpoint);
    }

    @Test
    void freshHeartbeatOfALiveProcessIsRunning() {
        assertThat(classify(status(RunState.RUNNING, Duration.ofSeconds(5), RunStatus.thisHost()), true, false))
                .isEqualTo(RunHealth.RUNNING);
    }

    @Test
    void staleHeartbeatOfALiveProcessIsStuck() {
        assertThat(classify(status(RunState.RUNNING, Duration.ofMinutes(6), RunStatus.thisHost()), true, true))
                .isEqualTo(RunHealth.STUCK);
    }

    @Test
    void deadProcessWithACheckpointIsInterruptedAndWithoutOneStuck() {
        Optional<RunStatus> s = status(RunState.RUNNING, Duration.ofSeconds(5), RunStatus.thisHost());
        assertThat(classify(s, false, true)).isEqualTo(RunHealth.INTERRUPTED);
        assertThat(classify(s, false, false)).isEqualTo(RunHealth.STUCK);
    }

    @Test
    void onAnotherHostTheHeartbeatAloneDecides() {
        assertThat(classify(status(RunState.RUNNING, Duration.ofSeconds(5), "elsewhere"), false, true))
                .isEqualTo(RunHealth.RUNNING);
        assertThat(classify(status(RunState.RUNNING, Duration.ofMinutes(9), "elsewhere"), false, true))
                .isEqualTo(RunHealth.INTERRUPTED);
    }

    @Test
    void writtenEndStatesAreTakenAsTheyAre() {
        assertThat(classify(status(RunState.FINISHED, Duration.ofDays(3), "x"), false, false)).isEqualTo(RunHealth.FINISHED);
        assertThat(classify(status(RunState.FAILED, Duration.ofDays(3), "x"), false, false)).isEqualTo(RunHealth.FAILED);
        assertThat(classify(status(RunState.INTERRUPTED, Duration.ZERO, "x"), false, true)).isEqualTo(RunHealth.INTERRUPTED);
        assertThat(classify(Optional.empty(), false, false)).isEqualTo(RunHealth.UNKNOWN);
    }
}
