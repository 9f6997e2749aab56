package io.pylon.criteria.composite;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.function.Function;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptions;
import org.bytedeco.pytorch.global.torch;
import org.bytedeco.pytorch.global.torch.ScalarType;

/** Double tensors and central-difference gradient checks for the composite criteria tests. */
final class TestTensors {

    private TestTensors() {
    }

    static Tensor doubles(double[] values, long... shape) {
        try (DoublePointer p = new DoublePointer(values)) {
            return torch.from_blob(p, shape, new TensorOptions(ScalarType.Double)).clone();
        }
    }

    static double[] values(Tensor tensor) {
        return Grids.toDoubles(tensor);
    }

    static double scalar(Tensor tensor) {
        return tensor.item_double();
    }

    /** A leaf double tensor with gradient. */
    static Tensor leaf(double[] values, long... shape) {
        Tensor t = doubles(values, shape);
        t.requires_grad_(true);
        return t;
    }

    /**
     * Checks the autograd gradient of {@code loss} at {@code x} against central differences with step
     * {@code h}: every component within {@code tolerance} (absolute, plus relative to the gradient's size).
     */
    static void checkGradient(Function<Tensor, Tensor> loss, double[] x, long[] shape, double tolerance) {
        Tensor input = leaf(x, shape);
        loss.apply(input).backward();
        double[] analytic = values(input.grad());
        double h = 1e-6;
        double[] numeric = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double[] plus = x.clone();
            double[] minus = x.clone();
            plus[i] += h;
            minus[i] -= h;
            numeric[i] = (scalar(loss.apply(doubles(plus, shape))) - scalar(loss.apply(doubles(minus, shape))))
                    / (2 * h);
        }
        double scale = 0;
        for (double g : numeric) {
            scale = Math.max(scale, Math.abs(g));
        }
        assertThat(scale).as("the check needs a non-zero gradient").isGreaterThan(1e-8);
        for (int i = 0; i < x.length; i++) {
            assertThat(Math.abs(analytic[i] - numeric[i])).as("gradient component %d: analytic %s, numeric %s", i,
                    analytic[i], numeric[i]).isLessThanOrEqualTo(tolerance * (1 + scale));
        }
    }

    /** Random doubles in [-1, 1) from a fixed seed. */
    static double[] random(long seed, int count) {
        Random random = new Random(seed);
        double[] values = new double[count];
        for (int i = 0; i < count; i++) {
            values[i] = random.nextDouble() * 2 - 1;
        }
        return values;
    }

    static void assertFinite(double[] values) {
        for (int i = 0; i < values.length; i++) {
            assertThat(values[i]).as("element %d", i).isFinite();
        }
    }
}
