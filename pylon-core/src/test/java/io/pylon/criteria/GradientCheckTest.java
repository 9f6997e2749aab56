package io.pylon.criteria;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.stream.Stream;

import org.bytedeco.pytorch.Tensor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.pylon.criteria.SingleOutputLosses.Inputs;
import io.pylon.engine.Engine;

/**
 * Autograd gradients of every loss (and its main options) against central differences in double precision,
 * through the shared {@link LossTesting#gradientError}.
 */
class GradientCheckTest {

    private static final double TOLERANCE = 1e-6;

    @BeforeAll
    static void start() {
        Engine.start();
    }

    static Stream<Arguments> losses() {
        return Stream.of(
                Arguments.of("cross_entropy", new CrossEntropy(0.0), Inputs.MULTICLASS),
                Arguments.of("cross_entropy weight+smoothing+ignore",
                        new CrossEntropy(List.of(0.5, 2.0, 1.0), 0.1, 2), Inputs.MULTICLASS),
                Arguments.of("bce_with_logits", new BceWithLogits(), Inputs.BINARY),
                Arguments.of("bce_with_logits pos_weight scalar", new BceWithLogits(List.of(3.0)), Inputs.BINARY),
                Arguments.of("bce_with_logits pos_weight per class", new BceWithLogits(List.of(0.5, 2.0, 4.0)),
                        Inputs.BINARY),
                Arguments.of("dice", new Dice(LossMode.MULTICLASS, List.of(), 1.0, true, false), Inputs.MULTICLASS),
                Arguments.of("dice weighted, no background, batch, smooth 0",
                        new Dice(LossMode.MULTICLASS, List.of(1.0, 2.0, 0.5), 0.0, false, true), Inputs.MULTICLASS),
                Arguments.of("dice binary", new Dice(LossMode.BINARY, List.of(), 0.5, true, false), Inputs.BINARY),
                Arguments.of("focal multiclass", new Focal(LossMode.MULTICLASS, List.of(0.2, 0.5, 0.3), 2.0, 1),
                        Inputs.MULTICLASS),
                Arguments.of("focal multiclass gamma 0.5", new Focal(LossMode.MULTICLASS, List.of(), 0.5, -100),
                        Inputs.MULTICLASS),
                Arguments.of("focal binary", new Focal(LossMode.BINARY, List.of(0.25), 2.0, -100), Inputs.BINARY),
                Arguments.of("focal binary gamma 0", new Focal(LossMode.BINARY, List.of(), 0.0, -100), Inputs.BINARY),
                Arguments.of("tversky", new Tversky(LossMode.MULTICLASS, 0.3, 0.7, 1.0, true), Inputs.MULTICLASS),
                Arguments.of("tversky binary", new Tversky(LossMode.BINARY, 0.7, 0.3, 0.0, true), Inputs.BINARY),
                Arguments.of("focal_tversky", new FocalTversky(LossMode.MULTICLASS, 0.7, 0.3, 0.75, 1.0, false),
                        Inputs.MULTICLASS),
                Arguments.of("focal_tversky binary", new FocalTversky(LossMode.BINARY, 0.5, 0.5, 2.0, 1.0, true),
                        Inputs.BINARY),
                Arguments.of("topk fraction", TopK.ofFraction(0.3), Inputs.MULTICLASS),
                Arguments.of("topk count + ignore", new TopK(OptionalDouble.empty(), OptionalInt.of(5), 0),
                        Inputs.MULTICLASS),
                Arguments.of("mse", new Mse(), Inputs.REGRESSION),
                Arguments.of("l1", new L1(), Inputs.REGRESSION),
                Arguments.of("smooth_l1", new SmoothL1(0.5), Inputs.REGRESSION));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("losses")
    void autogradMatchesCentralDifferences(String label, Criterion criterion, Inputs inputs) {
        Tensor[] sample = SingleOutputLosses.sample(inputs, 11);
        assertThat(LossTesting.gradientError(criterion, sample[0], sample[1])).as(label).isLessThan(TOLERANCE);
    }

    @Test
    void everySingleOutputLossHasAGradientCheck() {
        List<String> checked = losses().map(a -> ((String) a.get()[0]).split(" ")[0]).distinct().toList();
        assertThat(checked).containsExactlyInAnyOrderElementsOf(SingleOutputLosses.NAMES);
    }

    @Test
    void theCheckCatchesAWrongGradient() {
        // a loss whose backward is deliberately wrong: detach() hides half of the dependence on the output
        Criterion wrong = (output, target) -> output.mul(output.detach()).mean();
        Tensor[] sample = SingleOutputLosses.regression(3);
        assertThat(LossTesting.gradientError(wrong, sample[0], sample[1])).isGreaterThan(1e-3);
    }
}
