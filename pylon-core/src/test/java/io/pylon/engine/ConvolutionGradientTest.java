package io.pylon.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.bytedeco.javacpp.LongPointer;
import org.bytedeco.pytorch.Conv2dImpl;
import org.bytedeco.pytorch.Conv2dOptions;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.bytedeco.pytorch.global.torch.ScalarType;
import org.junit.jupiter.api.Test;

/**
 * Guards the engine default that keeps oneDNN off for CPU convolutions: with it on, this libtorch build
 * returned different (and sometimes NaN) input gradients on every call for a 4 -> 8 channel convolution,
 * which surfaced as NaN weights a few steps into training a small CNN.
 */
class ConvolutionGradientTest {

    private static Conv2dImpl conv(long in, long out) {
        Conv2dOptions options = new Conv2dOptions(in, out, new LongPointer(3L, 3L));
        options.padding().put(new LongPointer(1L, 1L));
        return new Conv2dImpl(options);
    }

    private static double firstLayerGradientNorm(Conv2dImpl first, Conv2dImpl second, Tensor x) {
        first.zero_grad(true);
        second.zero_grad(true);
        second.forward(torch.relu(first.forward(x))).square().sum().backward();
        return first.weight().grad().norm().item_double();
    }

    @Test
    void smallConvolutionGradientsAreRepeatableAndMatchDoublePrecision() {
        Engine.start();
        Seeds.seed(42);
        Tensor x = torch.randn(50, 1, 28, 28);
        Conv2dImpl first = conv(1, 4);
        Conv2dImpl second = conv(4, 8);
        double reference = firstLayerGradientNorm(first, second, x);
        for (int repeat = 0; repeat < 5; repeat++) {
            assertThat(firstLayerGradientNorm(first, second, x)).isEqualTo(reference);
        }
        first.to(ScalarType.Double, false);
        second.to(ScalarType.Double, false);
        double exact = firstLayerGradientNorm(first, second, x.to(ScalarType.Double));
        assertThat(reference).isCloseTo(exact, within(exact * 1e-4));
    }
}
