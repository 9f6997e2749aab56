package io.pylon.optim.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.pylon.config.InvalidValueException;

/** Every out-of-range schedule setting is rejected under its snake_case key. */
class ScheduleConfigTest {

    private static Arguments bad(String key, Consumer<ScheduleConfigBuilder> change) {
        return Arguments.of(key, change);
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                bad("name", b -> b.name = "cyclic"),
                bad("interval", b -> b.interval = null),
                bad("warmup_steps", b -> b.warmupSteps = -1),
                bad("warmup_start_factor", b -> b.warmupStartFactor = 1.5),
                bad("warmup_start_factor", b -> b.warmupStartFactor = -0.1),
                bad("step_size", b -> b.stepSize = 0),
                bad("gamma", b -> b.gamma = 0),
                bad("gamma", b -> b.gamma = 1.1),
                bad("milestones", b -> b.milestones = List.of(5L, 5L)),
                bad("milestones", b -> b.milestones = List.of(0L)),
                bad("milestones", b -> b.name = "multistep"),
                bad("t_max", b -> b.tMax = OptionalLong.of(0)),
                bad("eta_min", b -> b.etaMin = -1e-3),
                bad("power", b -> b.power = 0),
                bad("total", b -> b.total = OptionalLong.of(0)),
                bad("mode", b -> b.mode = null),
                bad("factor", b -> b.factor = 1.0),
                bad("factor", b -> b.factor = 0.0),
                bad("patience", b -> b.patience = -1),
                bad("threshold", b -> b.threshold = -1e-4),
                bad("threshold_mode", b -> b.thresholdMode = null),
                bad("cooldown", b -> b.cooldown = -1),
                bad("min_lr", b -> b.minLr = -1.0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void outOfRangeValuesNameTheirKey(String key, Consumer<ScheduleConfigBuilder> change) {
        ScheduleConfigBuilder b = ScheduleConfigBuilder.named("constant");
        change.accept(b);
        assertThatThrownBy(b::build).isInstanceOfSatisfying(InvalidValueException.class,
                e -> assertThat(e.key()).isEqualTo(key));
    }

    @Test
    void everyNamedScheduleBuildsWithDefaults() {
        for (String name : ScheduleConfig.NAMES) {
            ScheduleConfigBuilder b = ScheduleConfigBuilder.named(name);
            if (name.equals("multistep")) {
                b.milestones = List.of(3L);
            }
            assertThat(Schedules.build(b.build(), 10, 1.0).factor(0)).as(name).isEqualTo(1.0);
        }
        assertThat(ScheduleConfig.of("cosine").name()).isEqualTo("cosine");
    }
}
