package io.pylon.optim.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The pure schedules against their closed forms. */
class LrScheduleTest {

    private static final double TOL = 1e-12;

    @Test
    void constant() {
        assertThat(new ConstantSchedule().factor(0)).isEqualTo(1.0);
        assertThat(new ConstantSchedule().factor(1_000_000)).isEqualTo(1.0);
    }

    @Test
    void stepDecay() {
        StepDecaySchedule s = new StepDecaySchedule(3, 0.5);
        assertThat(s.factor(0)).isEqualTo(1.0);
        assertThat(s.factor(2)).isEqualTo(1.0);
        assertThat(s.factor(3)).isEqualTo(0.5);
        assertThat(s.factor(8)).isEqualTo(0.25);
        assertThat(s.factor(9)).isEqualTo(0.125);
    }

    @Test
    void multistepDecaysAtEachMilestone() {
        MultiStepSchedule s = new MultiStepSchedule(List.of(5L, 8L), 0.1);
        assertThat(s.factor(4)).isEqualTo(1.0);
        assertThat(s.factor(5)).isCloseTo(0.1, within(TOL));
        assertThat(s.factor(7)).isCloseTo(0.1, within(TOL));
        assertThat(s.factor(8)).isCloseTo(0.01, within(TOL));
        assertThat(s.factor(100)).isCloseTo(0.01, within(TOL));
    }

    @Test
    void exponential() {
        ExponentialSchedule s = new ExponentialSchedule(0.9);
        assertThat(s.factor(0)).isEqualTo(1.0);
        assertThat(s.factor(10)).isCloseTo(Math.pow(0.9, 10), within(TOL));
    }

    @Test
    void cosineFollowsTheClosedFormAndHoldsItsFloor() {
        double r = 0.1;
        CosineSchedule s = new CosineSchedule(100, r);
        assertThat(s.factor(0)).isCloseTo(1.0, within(TOL));
        assertThat(s.factor(50)).isCloseTo(r + (1 - r) * 0.5, within(TOL));
        assertThat(s.factor(25)).isCloseTo(r + (1 - r) * (1 + Math.cos(Math.PI / 4)) / 2, within(TOL));
        assertThat(s.factor(100)).isCloseTo(r, within(TOL));
        assertThat(s.factor(150)).isCloseTo(r, within(TOL));
    }

    @Test
    void polynomial() {
        PolynomialSchedule s = new PolynomialSchedule(10, 2.0);
        assertThat(s.factor(0)).isEqualTo(1.0);
        assertThat(s.factor(5)).isCloseTo(0.25, within(TOL));
        assertThat(s.factor(9)).isCloseTo(0.01, within(TOL));
        assertThat(s.factor(10)).isEqualTo(0.0);
        assertThat(s.factor(12)).isEqualTo(0.0);
        assertThat(new PolynomialSchedule(4, 1.0).factor(1)).isCloseTo(0.75, within(TOL));
    }

    @Test
    void warmupRampsLinearlyThenHandsOverToTheInnerScheduleShifted() {
        CosineSchedule cosine = new CosineSchedule(10, 0.0);
        WarmupSchedule s = new WarmupSchedule(cosine, 4, 0.2);
        assertThat(s.factor(0)).isCloseTo(0.2, within(TOL));
        assertThat(s.factor(1)).isCloseTo(0.4, within(TOL));
        assertThat(s.factor(3)).isCloseTo(0.8, within(TOL));
        assertThat(s.factor(4)).as("first post-warmup step is the cosine peak").isCloseTo(1.0, within(TOL));
        assertThat(s.factor(9)).isCloseTo(0.5, within(TOL));
        assertThat(s.factor(14)).isCloseTo(0.0, within(TOL));
    }
}
