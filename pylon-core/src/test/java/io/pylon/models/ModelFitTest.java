package io.pylon.models;

import static org.assertj.core.api.Assertions.assertThat;

import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.pylon.criteria.CrossEntropy;
import io.pylon.data.DataSpec;
import io.pylon.engine.Engine;
import io.pylon.engine.Seeds;
import io.pylon.engine.StepScope;
import io.pylon.engine.Tensors;
import io.pylon.nn.ModuleTensors;
import io.pylon.optim.OptimConfig;
import io.pylon.optim.Optimizer;
import io.pylon.optim.Optimizers;
import io.pylon.testing.TestComponents;

/** Save/load and overfitting for the built-in MLP and CNN (the other models have their own suites). */
class ModelFitTest {

    private static final DataSpec MNIST = new DataSpec(new long[] {1, 28, 28}, 10);

    @BeforeAll
    static void start() {
        Engine.start();
    }

    @ParameterizedTest
    @MethodSource("io.pylon.models.ModelsTest#models")
    void savedAndLoadedWeightsGiveIdenticalOutputs(String name, Record params, Record plain) {
        Seeds.seed(1);
        Model original = TestComponents.model(name, params, MNIST);
        Seeds.seed(2);
        Model copy = TestComponents.model(name, params, MNIST);
        ModuleTensors.loadStateDict(copy.module(), ModuleTensors.stateDict(original.module()));
        original.module().eval();
        copy.module().eval();
        Tensor x = torch.randn(3, 1, 28, 28);
        try (NoGradGuard guard = new NoGradGuard()) {
            assertThat(Tensors.toFloats(copy.forward(x))).isEqualTo(Tensors.toFloats(original.forward(x)));
        }
    }

    @ParameterizedTest
    @MethodSource("io.pylon.models.ModelsTest#models")
    void fitsSixteenFixedSamplesToNearZeroLoss(String name, Record params, Record plain) {
        Seeds.seed(3);
        Model model = TestComponents.model(name, plain, MNIST);
        Tensor x = torch.randn(16, 1, 28, 28);
        Tensor y = torch.randint(10, new long[] {16});
        Optimizer optimizer = Optimizers.create(OptimConfig.of("adamw", 3e-3), model);
        CrossEntropy loss = new CrossEntropy(0.0);
        double last = Double.NaN;
        for (int step = 0; step < 150; step++) {
            try (StepScope scope = new StepScope()) {
                Tensor value = loss.apply(model.forward(x), y);
                value.backward();
                optimizer.step();
                optimizer.zeroGrad();
                last = value.item_double();
            }
        }
        assertThat(last).isLessThan(0.05);
    }
}
