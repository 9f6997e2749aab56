package io.pylon.criteria;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.stream.Stream;

import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch.ScalarType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.pylon.engine.Engine;
import io.pylon.engine.Tensors;
import io.pylon.testing.TestComponents;

/**
 * The contract every registered single-output loss keeps, built from its (minimal) YAML section: a finite
 * scalar, a finite gradient for every output element, and a value near 0 for a perfect prediction.
 */
class SingleOutputContractTest {

    @BeforeAll
    static void start() {
        Engine.start();
    }

    static Stream<String> names() {
        return TestComponents.BUILT_INS.names(Criteria.KIND).stream().filter(SingleOutputLosses.INPUTS::containsKey).sorted();
    }

    @Test
    void everySingleOutputLossIsRegistered() {
        assertThat(TestComponents.BUILT_INS.names(Criteria.KIND)).containsAll(SingleOutputLosses.NAMES);
        assertThat(names()).hasSameSizeAs(SingleOutputLosses.NAMES);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("names")
    void scalarFiniteDifferentiableAndZeroForPerfectPredictions(String name) {
        Criterion criterion = LossTesting.fromYaml(name, SingleOutputLosses.minimalParams(name));
        SingleOutputLosses.Inputs inputs = SingleOutputLosses.INPUTS.get(name);
        for (boolean asFloat : new boolean[] {true, false}) {
            Tensor[] sample = SingleOutputLosses.sample(inputs, 7);
            Tensor output = asFloat ? sample[0].to(ScalarType.Float) : sample[0];
            Tensor target = asFloat && sample[1].is_floating_point()
                    ? sample[1].to(ScalarType.Float) : sample[1];
            Tensor x = output.detach().clone().requires_grad_(true);
            Tensor loss = criterion.apply(x, target);

            assertThat(loss.dim()).as(name + " is a scalar").isZero();
            assertThat(loss.scalar_type().value).isEqualTo(output.scalar_type().value);
            assertThat(loss.item_double()).as(name).isFinite().isPositive();
            loss.backward();
            assertThat(x.grad().defined()).isTrue();
            assertThat(Tensors.shape(x.grad())).isEqualTo(Tensors.shape(x));
            assertThat(Arrays.stream(LossTesting.toDoubles(x.grad())).allMatch(Double::isFinite))
                    .as(name + " finite gradient").isTrue();
            assertThat(LossTesting.toDoubles(x.grad().abs().sum())[0]).as(name + " gradient").isPositive();

            Tensor perfect = SingleOutputLosses.perfect(inputs, output, target);
            assertThat(LossTesting.value(criterion, perfect, target)).as(name + " perfect").isBetween(0.0, 1e-6);
        }
    }
}
