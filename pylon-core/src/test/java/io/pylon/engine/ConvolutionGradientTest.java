package io.pylon.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.junit.jupiter.api.Test;

import io.pylon.criteria.CrossEntropy;
import io.pylon.data.DataSpec;
import io.pylon.models.Cnn;
import io.pylon.models.CnnParams;
import io.pylon.optim.OptimConfig;
import io.pylon.optim.Optimizer;
import io.pylon.optim.Optimizers;

/**
 * Guards the engine's oneDNN setting: with oneDNN on, or with libtorch's flag never set, this build gave
 * run-to-run different and sometimes NaN convolution gradients for a small CNN (channels 4 -> 8), turning
 * its weights into NaN within a few steps. This test failed in both of those configurations.
 */
class ConvolutionGradientTest {

    private static List<Double> train(EngineOptions options) {
        Engine.start(options);
        Seeds.seed(42);
        Tensor x = torch.randn(50, 1, 28, 28);
        Tensor y = torch.randint(10, new long[] {50});
        Cnn model = new Cnn(new CnnParams(List.of(4, 8), 16, 0.0, true), new DataSpec(new long[] {1, 28, 28}, 10));
        Optimizer optimizer = Optimizers.create(OptimConfig.of("sgd", 0.01), model);
        List<Double> losses = new ArrayList<>();
        for (int step = 0; step < 6; step++) {
            try (StepScope scope = new StepScope()) {
                Tensor loss = new CrossEntropy(0.0).apply(model.forward(x), y);
                loss.backward();
                optimizer.step();
                optimizer.zeroGrad();
                losses.add(loss.item_double());
            }
        }
        return losses;
    }

    @Test
    void smallCnnTrainsRepeatablyWithTheDefaultEngine() {
        EngineOptions defaults = new EngineOptions(1);
        // one thread: how the failure was seen
        List<Double> first = train(defaults);
        List<Double> second = train(defaults);
        List<Double> third = train(defaults);
        assertThat(first).allSatisfy(loss -> assertThat(loss).isFinite());
        assertThat(second).isEqualTo(first);
        assertThat(third).isEqualTo(first);
        assertThat(first.get(5)).isLessThan(first.get(0));
    }
}
