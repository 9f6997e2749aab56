package io.pylon.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.pylon.config.InvalidValueException;

/** Every out-of-range optimizer setting is rejected under its snake_case key. */
class OptimConfigTest {

    private static OptimConfig config(double lr, double weightDecay, double momentum, double dampening,
            boolean nesterov, List<Double> betas, double eps, List<String> noDecay, Map<String, Double> multipliers) {
        return new OptimConfig("adamw", lr, weightDecay, momentum, dampening, nesterov, betas, eps, false, noDecay,
                multipliers);
    }

    private static final List<Double> BETAS = List.of(0.9, 0.999);

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of("lr", (ThrowingCallable) () -> config(0, 0, 0.9, 0, false, BETAS, 1e-8, List.of(), Map.of())),
                Arguments.of("lr", (ThrowingCallable) () -> config(-1, 0, 0.9, 0, false, BETAS, 1e-8, List.of(), Map.of())),
                Arguments.of("weight_decay", (ThrowingCallable) () -> config(1e-3, -0.1, 0.9, 0, false, BETAS, 1e-8, List.of(), Map.of())),
                Arguments.of("momentum", (ThrowingCallable) () -> config(1e-3, 0, -0.1, 0, false, BETAS, 1e-8, List.of(), Map.of())),
                Arguments.of("momentum", (ThrowingCallable) () -> config(1e-3, 0, 1.0, 0, false, BETAS, 1e-8, List.of(), Map.of())),
                Arguments.of("dampening", (ThrowingCallable) () -> config(1e-3, 0, 0.9, 1.5, false, BETAS, 1e-8, List.of(), Map.of())),
                Arguments.of("nesterov", (ThrowingCallable) () -> config(1e-3, 0, 0.0, 0, true, BETAS, 1e-8, List.of(), Map.of())),
                Arguments.of("nesterov", (ThrowingCallable) () -> config(1e-3, 0, 0.9, 0.1, true, BETAS, 1e-8, List.of(), Map.of())),
                Arguments.of("betas", (ThrowingCallable) () -> config(1e-3, 0, 0.9, 0, false, List.of(0.9), 1e-8, List.of(), Map.of())),
                Arguments.of("betas", (ThrowingCallable) () -> config(1e-3, 0, 0.9, 0, false, List.of(1.0, 0.999), 1e-8, List.of(), Map.of())),
                Arguments.of("betas", (ThrowingCallable) () -> config(1e-3, 0, 0.9, 0, false, List.of(0.9, -0.1), 1e-8, List.of(), Map.of())),
                Arguments.of("eps", (ThrowingCallable) () -> config(1e-3, 0, 0.9, 0, false, BETAS, 0, List.of(), Map.of())),
                Arguments.of("no_decay", (ThrowingCallable) () -> config(1e-3, 0, 0.9, 0, false, BETAS, 1e-8, List.of("(bad"), Map.of())),
                Arguments.of("lr_multipliers", (ThrowingCallable) () -> config(1e-3, 0, 0.9, 0, false, BETAS, 1e-8, List.of(), Map.of("x", 0.0))),
                Arguments.of("lr_multipliers", (ThrowingCallable) () -> config(1e-3, 0, 0.9, 0, false, BETAS, 1e-8, List.of(), Map.of("[", 0.5))),
                Arguments.of("name", (ThrowingCallable) () -> new OptimConfig(" ", 1e-3, 0, 0.9, 0, false, BETAS, 1e-8, false, List.of(), Map.of())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void outOfRangeValuesNameTheirKey(String key, ThrowingCallable build) {
        assertThatThrownBy(build).isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.key()).isEqualTo(key));
    }

    @Test
    void defaultsAreValid() {
        OptimConfig config = OptimConfig.of("adamw", 1e-3);
        assertThat(config.adamSettings()).isEqualTo(new AdamSettings(0.9, 0.999, 1e-8, false));
        assertThat(config.sgdSettings()).isEqualTo(new SgdSettings(0.9, 0.0, false));
        assertThat(config.withSgd(0.9, 0, true).nesterov()).isTrue();
    }
}
