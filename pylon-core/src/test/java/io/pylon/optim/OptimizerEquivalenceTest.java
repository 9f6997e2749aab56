package io.pylon.optim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.pylon.engine.Engine;
import io.pylon.engine.StepScope;

/** Each flat optimizer must track libtorch's per-parameter implementation to float32 rounding. */
class OptimizerEquivalenceTest {

    private static final int STEPS = 20;

    @BeforeAll
    static void start() {
        Engine.start();
    }

    static Stream<Arguments> configs() {
        OptimConfig sgd = OptimConfig.of("sgd", 0.05);
        OptimConfig adam = OptimConfig.of("adam", 0.01);
        OptimConfig adamw = OptimConfig.of("adamw", 0.01);
        return Stream.of(
                Arguments.of("sgd plain", sgd.withSgd(0, 0, false)),
                Arguments.of("sgd momentum + decay", sgd.withSgd(0.9, 0, false).withWeightDecay(0.01)),
                Arguments.of("sgd momentum + dampening", sgd.withSgd(0.8, 0.3, false)),
                Arguments.of("sgd nesterov + decay", sgd.withSgd(0.9, 0, true).withWeightDecay(0.05)),
                Arguments.of("adam", adam),
                Arguments.of("adam l2 decay, custom betas", adam.withWeightDecay(0.05).withAdam(0.8, 0.99, 1e-6, false)),
                Arguments.of("adam amsgrad", adam.withAdam(0.9, 0.999, 1e-8, true).withWeightDecay(0.01)),
                Arguments.of("adamw", adamw.withWeightDecay(0.1)),
                Arguments.of("adamw amsgrad, custom betas", adamw.withWeightDecay(0.1).withAdam(0.85, 0.95, 1e-7, true)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configs")
    void matchesLibtorchPerParameterOptimizer(String label, OptimConfig config) {
        torch.manual_seed(7);
        TwoLayerNet flatNet = new TwoLayerNet();
        TwoLayerNet refNet = new TwoLayerNet().copyFrom(flatNet);
        Optimizer flat = Optimizers.create(config, flatNet);
        org.bytedeco.pytorch.Optimizer reference = LibtorchReference.create(config, refNet.namedParams());
        assertThat(TwoLayerNet.maxAbsDiff(flatNet, refNet)).isZero();

        for (int step = 0; step < STEPS; step++) {
            try (StepScope scope = new StepScope()) {
                Tensor input = torch.randn(5, 6);
                Tensor target = torch.randn(5, 3);
                // A different loss scale each step so the gradient magnitudes vary as in real training.
                double lossScale = 0.5 + torch.rand(1).item_double() * 4;

                flat.zeroGrad();
                torch.mse_loss(flatNet.forward(input), target).mul(new Scalar(lossScale)).backward();
                flat.step();

                reference.zero_grad();
                torch.mse_loss(refNet.forward(input), target).mul(new Scalar(lossScale)).backward();
                reference.step();
            }
        }
        double diff = TwoLayerNet.maxAbsDiff(flatNet, refNet);
        assertThat(diff).as("%s: max |flat - libtorch| after %d steps", label, STEPS).isLessThan(1e-6);
        // Guard against a vacuous pass: the parameters must actually have moved.
        assertThat(TwoLayerNet.maxAbsDiff(flatNet, new TwoLayerNet())).isGreaterThan(1e-3);
        assertThat(flat.stepCount()).isEqualTo(STEPS);
    }
}
