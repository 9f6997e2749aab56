package io.pylon.criteria;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptions;
import org.bytedeco.pytorch.global.torch;
import org.bytedeco.pytorch.global.torch.ScalarType;

import io.pylon.config.Config;
import io.pylon.config.MapNode;
import io.pylon.engine.Tensors;
import io.pylon.testing.TestComponents;

/** Shared test helpers: double tensors, the finite-difference gradient check, and binding YAML sections. */
final class LossTesting {

    /** Central-difference step used by every gradient check. */
    static final double EPS = 1e-6;

    private LossTesting() {
    }

    static Tensor doubles(double[] values, long... shape) {
        try (DoublePointer p = new DoublePointer(values)) {
            return torch.from_blob(p, shape, new TensorOptions(ScalarType.Double)).clone();
        }
    }

    static Tensor longs(long[] values, long... shape) {
        return Tensors.fromLongs(values, shape);
    }

    static double[] toDoubles(Tensor tensor) {
        Tensor t = tensor.to(ScalarType.Double).cpu().contiguous();
        double[] out = new double[Math.toIntExact(t.numel())];
        new DoublePointer(t.data_ptr()).capacity(out.length).get(out);
        return out;
    }

    /** The loss value and its autograd gradient with respect to {@code output} (converted to double). */
    static double[] autogradGradient(Criterion criterion, Tensor output, Tensor target) {
        Tensor x = output.to(ScalarType.Double).detach().clone().requires_grad_(true);
        Tensor loss = criterion.apply(x, target);
        loss.backward();
        return toDoubles(x.grad());
    }

    /** d loss / d output by central differences of step {@link #EPS}, all in double precision. */
    static double[] numericGradient(Criterion criterion, Tensor output, Tensor target) {
        double[] base = toDoubles(output);
        long[] shape = Tensors.shape(output);
        double[] grad = new double[base.length];
        for (int i = 0; i < base.length; i++) {
            double[] plus = base.clone();
            plus[i] += EPS;
            double[] minus = base.clone();
            minus[i] -= EPS;
            double up = criterion.apply(doubles(plus, shape), target).item_double();
            double down = criterion.apply(doubles(minus, shape), target).item_double();
            grad[i] = (up - down) / (2 * EPS);
        }
        return grad;
    }

    /**
     * The largest {@code |autograd - numeric| / max(1, |numeric|)} over all output elements; the check fails
     * above 1e-6. Both gradients are taken in double precision with the target converted to double when it
     * is floating point.
     */
    static double gradientError(Criterion criterion, Tensor output, Tensor target) {
        Tensor t = target.is_floating_point() ? target.to(ScalarType.Double) : target;
        double[] analytic = autogradGradient(criterion, output, t);
        double[] numeric = numericGradient(criterion, output.to(ScalarType.Double), t);
        double worst = 0;
        for (int i = 0; i < analytic.length; i++) {
            worst = Math.max(worst, Math.abs(analytic[i] - numeric[i]) / Math.max(1, Math.abs(numeric[i])));
        }
        return worst;
    }

    /** Binds {@code criterion: <yaml flow map>} from a config named {@code x.yaml} through the registry. */
    static Criterion fromYaml(String name, String paramsFlowMap) {
        Config config = Config.parse("criterion: " + paramsFlowMap + "\n", "x.yaml");
        return TestComponents.criterion(name, (MapNode) config.find("criterion").orElseThrow(), "criterion");
    }

    static double value(Criterion criterion, Tensor output, Tensor target) {
        return criterion.apply(output, target).item_double();
    }
}
