package io.pylon.optim.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.pylon.config.Binder;
import io.pylon.config.Config;
import io.pylon.config.ConfigException;
import io.pylon.plugin.StandardComponents;
import io.pylon.registry.ComponentBinder;
import io.pylon.registry.Components;

/** Every out-of-range schedule setting is rejected under its snake_case key, at its line. */
class ScheduleSectionTest {

    private static final Components COMPONENTS = StandardComponents.builtIns();
    private static final ComponentBinder BINDER = new ComponentBinder(COMPONENTS);

    private static void bind(String section) {
        ComponentBinder.Section<ScheduleContext, LrSchedule> bound = BINDER.bind(Schedules.KIND,
                Config.parse("schedule: " + section, "s.yaml").find("schedule").orElseThrow(), "schedule",
                ScheduleSettings.KEYS);
        Binder.bind(bound.reserved(), "schedule", ScheduleSettings.class);
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of("name", "{name: cyclic}"),
                Arguments.of("interval", "{name: constant, interval: fortnight}"),
                Arguments.of("warmup_steps", "{name: constant, warmup_steps: -1}"),
                Arguments.of("warmup_start_factor", "{name: cosine, warmup_start_factor: 1.5}"),
                Arguments.of("warmup_start_factor", "{name: cosine, warmup_start_factor: -0.1}"),
                Arguments.of("step_size", "{name: step, step_size: 0}"),
                Arguments.of("gamma", "{name: step, gamma: 0}"),
                Arguments.of("gamma", "{name: exponential, gamma: 1.1}"),
                Arguments.of("milestones", "{name: multistep, milestones: [5, 5]}"),
                Arguments.of("milestones", "{name: multistep, milestones: [0]}"),
                Arguments.of("milestones", "{name: multistep}"),
                Arguments.of("t_max", "{name: cosine, t_max: 0}"),
                Arguments.of("eta_min", "{name: cosine, eta_min: -1e-3}"),
                Arguments.of("power", "{name: polynomial, power: 0}"),
                Arguments.of("total", "{name: polynomial, total: 0}"),
                Arguments.of("factor", "{name: plateau, factor: 1.0}"),
                Arguments.of("factor", "{name: plateau, factor: 0.0}"),
                Arguments.of("patience", "{name: plateau, patience: -1}"),
                Arguments.of("threshold", "{name: plateau, threshold: -1e-4}"),
                Arguments.of("threshold_mode", "{name: plateau, threshold_mode: sideways}"),
                Arguments.of("cooldown", "{name: plateau, cooldown: -1}"),
                Arguments.of("min_lr", "{name: plateau, min_lr: -1.0}"),
                Arguments.of("gamma", "{name: constant, gamma: 0.5}"),
                Arguments.of("mode", "{name: plateau, mode: max}"),
                Arguments.of("end", "{name: linear, from: 1, to: 0, start: 5, end: 5}"),
                Arguments.of("values", "{name: piecewise, milestones: [3], values: [1.0]}"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("invalid")
    void outOfRangeValuesNameTheirKey(String key, String section) {
        assertThatThrownBy(() -> bind(section)).isInstanceOfSatisfying(ConfigException.class,
                e -> assertThat(e.keyPath()).isEqualTo("schedule." + key)).hasMessageStartingWith("s.yaml:1");
    }

    @Test
    void aMisspelledNameSuggestsTheNearest() {
        assertThatThrownBy(() -> bind("{name: cosin}")).hasMessageContaining("did you mean 'cosine'?");
    }

    @Test
    void everyRegisteredScheduleStartsAtItsFirstValue() {
        Map<String, String> required = Map.of("multistep", ", milestones: [3]", "linear", ", from: 1, to: 0, end: 5",
                "cosine_ramp", ", from: 1, to: 0, end: 5", "piecewise", ", milestones: [3], values: [1, 0.5]");
        assertThat(COMPONENTS.names(Schedules.KIND)).contains("constant", "step", "multistep", "exponential",
                "cosine", "polynomial", "plateau", "linear", "cosine_ramp", "piecewise");
        for (String name : COMPONENTS.names(Schedules.KIND)) {
            LrSchedule schedule = BINDER.bind(Schedules.KIND, Config.parse("s: {name: " + name
                    + required.getOrDefault(name, "") + "}", "s.yaml").find("s").orElseThrow(), "s")
                    .create(ScheduleContext.of(10, 1.0));
            assertThat(schedule.factor(0)).as(name).isEqualTo(1.0);
        }
    }
}
