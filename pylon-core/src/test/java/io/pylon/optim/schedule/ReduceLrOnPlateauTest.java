package io.pylon.optim.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

import io.pylon.metrics.Direction;

/** Patience, cooldown, threshold and the floor follow torch.optim.lr_scheduler.ReduceLROnPlateau. */
class ReduceLrOnPlateauTest {

    @Test
    void reducesAfterPatienceIsExceededThenWaitsOutTheCooldown() {
        ReduceLrOnPlateau p = new ReduceLrOnPlateau(Direction.LOWER_IS_BETTER, 0.5, 2, 0.0, ThresholdMode.REL, 1, 0.0, 1.0);
        assertThat(p.observe(1.0)).isFalse();       // best = 1.0
        assertThat(p.observe(1.0)).isFalse();       // bad 1
        assertThat(p.observe(1.1)).isFalse();       // bad 2 == patience: not yet
        assertThat(p.observe(1.2)).isTrue();        // bad 3 > patience
        assertThat(p.scale()).isEqualTo(0.5);
        assertThat(p.observe(1.3)).isFalse();       // cooldown swallows this bad epoch
        assertThat(p.observe(1.3)).isFalse();       // bad 1
        assertThat(p.observe(1.3)).isFalse();       // bad 2
        assertThat(p.observe(1.3)).isTrue();        // bad 3
        assertThat(p.scale()).isEqualTo(0.25);
    }

    @Test
    void improvementResetsTheCountAndThresholdDecidesWhatCounts() {
        ReduceLrOnPlateau p = new ReduceLrOnPlateau(Direction.HIGHER_IS_BETTER, 0.1, 1, 0.01, ThresholdMode.REL, 0, 0.0, 1.0);
        p.observe(0.50);
        p.observe(0.504);                           // within 1 % of best: bad 1
        assertThat(p.observe(0.60)).isFalse();      // real improvement resets
        p.observe(0.60);                            // bad 1
        assertThat(p.observe(0.601)).isTrue();      // bad 2 > patience 1
        assertThat(p.scale()).isCloseTo(0.1, within(1e-15));

        ReduceLrOnPlateau abs = new ReduceLrOnPlateau(Direction.LOWER_IS_BETTER, 0.5, 0, 0.1, ThresholdMode.ABS, 0, 0.0, 1.0);
        abs.observe(1.0);
        assertThat(abs.observe(0.95)).as("0.05 below best is under the absolute threshold").isTrue();
    }

    @Test
    void neverGoesBelowMinLr() {
        ReduceLrOnPlateau p = new ReduceLrOnPlateau(Direction.LOWER_IS_BETTER, 0.1, 0, 0.0, ThresholdMode.REL, 0, 0.02, 1.0);
        p.observe(1.0);
        assertThat(p.observe(2.0)).isTrue();
        assertThat(p.scale()).isCloseTo(0.1, within(1e-15));
        assertThat(p.observe(2.0)).isTrue();
        assertThat(p.scale()).isCloseTo(0.02, within(1e-15));
        assertThat(p.observe(2.0)).as("already at the floor").isFalse();
        assertThat(p.scale()).isCloseTo(0.02, within(1e-15));
    }

    @Test
    void stateRoundTripsThroughPlainNumbers() {
        ReduceLrOnPlateau p = new ReduceLrOnPlateau(Direction.LOWER_IS_BETTER, 0.5, 1, 0.0, ThresholdMode.REL, 2, 0.0, 1.0);
        p.observe(1.0);
        p.observe(1.5);
        p.observe(1.5);
        ReduceLrOnPlateau q = new ReduceLrOnPlateau(Direction.LOWER_IS_BETTER, 0.5, 1, 0.0, ThresholdMode.REL, 2, 0.0, 1.0);
        q.loadState(p.state());
        assertThat(q.state()).isEqualTo(p.state());
        assertThat(p.state().values()).allMatch(v -> v instanceof Number n && Double.isFinite(n.doubleValue()));
        for (double v : new double[] {1.6, 0.9, 1.7, 1.8, 1.9}) {
            assertThat(q.observe(v)).isEqualTo(p.observe(v));
            assertThat(q.scale()).isEqualTo(p.scale());
        }
    }
}
