package io.pylon.criteria.composite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.pylon.config.InvalidValueException;
import io.pylon.optim.schedule.CosineRamp;
import io.pylon.optim.schedule.Interval;
import io.pylon.optim.schedule.LinearRamp;
import io.pylon.optim.schedule.PiecewiseSchedule;

class WeightScheduleTest {

    @Test
    void linearRampByEpoch() {
        WeightSchedule ramp = new WeightSchedule(new LinearRamp(1.0, 0.2, 2, 6), Interval.EPOCH);
        assertThat(ramp.weight(999, 0)).isEqualTo(1.0);
        assertThat(ramp.weight(999, 2)).isEqualTo(1.0);
        assertThat(ramp.weight(0, 3)).isCloseTo(1.0 - 0.8 * 0.25, within(1e-15));
        assertThat(ramp.weight(0, 5)).isCloseTo(1.0 - 0.8 * 0.75, within(1e-15));
        assertThat(ramp.weight(0, 6)).isEqualTo(0.2);
        assertThat(ramp.weight(0, 100)).isEqualTo(0.2);
    }

    @Test
    void cosineRampByStep() {
        WeightSchedule ramp = new WeightSchedule(new CosineRamp(0.0, 2.0, 100, 300), Interval.STEP);
        assertThat(ramp.weight(0, 7)).isEqualTo(0.0);
        assertThat(ramp.weight(150, 7)).isCloseTo(2.0 * (1 - Math.cos(Math.PI * 0.25)) / 2, within(1e-15));
        assertThat(ramp.weight(200, 7)).isCloseTo(1.0, within(1e-15));
        assertThat(ramp.weight(300, 7)).isCloseTo(2.0, within(1e-15));
        assertThat(ramp.weight(10_000, 7)).isCloseTo(2.0, within(1e-15));
    }

    @Test
    void stepScheduleCountsMilestonesReached() {
        WeightSchedule steps = new WeightSchedule(new PiecewiseSchedule(List.of(10L, 20L), List.of(1.0, 0.5, 0.0)),
                Interval.EPOCH);
        assertThat(steps.weight(0, 0)).isEqualTo(1.0);
        assertThat(steps.weight(0, 9)).isEqualTo(1.0);
        assertThat(steps.weight(0, 10)).isEqualTo(0.5);
        assertThat(steps.weight(0, 19)).isEqualTo(0.5);
        assertThat(steps.weight(0, 20)).isEqualTo(0.0);
    }

    @Test
    void invalidParametersNameTheirKey() {
        assertThatThrownBy(() -> new LinearRamp(-1, 0, 0, 5))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.key()).isEqualTo("from"));
        assertThatThrownBy(() -> new CosineRamp(0, 1, 5, 5))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.key()).isEqualTo("end"));
        assertThatThrownBy(() -> new PiecewiseSchedule(List.of(3L), List.of(1.0)))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.key()).isEqualTo("values"));
        assertThatThrownBy(() -> new PiecewiseSchedule(List.of(3L, 3L), List.of(1.0, 1.0, 1.0)))
                .isInstanceOfSatisfying(InvalidValueException.class,
                        e -> assertThat(e.key()).isEqualTo("milestones.1"));
        assertThatThrownBy(() -> new PiecewiseSchedule(List.of(3L), List.of(1.0, -2.0)))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.key()).isEqualTo("values.1"));
    }
}
