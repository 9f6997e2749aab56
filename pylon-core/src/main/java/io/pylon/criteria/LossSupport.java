package io.pylon.criteria;

import java.util.Arrays;
import java.util.List;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptions;
import org.bytedeco.pytorch.global.torch;
import org.bytedeco.pytorch.global.torch.ScalarType;

import io.pylon.config.InvalidValueException;

/** Tensor plumbing shared by the single-output losses of this package. */
final class LossSupport {

    private LossSupport() {
    }

    static Scalar scalar(double value) {
        return new Scalar(value);
    }

    /** {@code values} as a 1-D tensor with the dtype and device of {@code like}. */
    static Tensor vector(List<Double> values, Tensor like) {
        double[] array = new double[values.size()];
        for (int i = 0; i < array.length; i++) {
            array[i] = values.get(i);
        }
        Tensor cpu;
        try (DoublePointer p = new DoublePointer(array)) {
            cpu = torch.from_blob(p, new long[] {array.length}, new TensorOptions(ScalarType.Double)).clone();
        }
        return cpu.to(like.device(), like.scalar_type());
    }

    /** A per-class vector (C) viewed as (1, C, 1, ...) so that it broadcasts over a tensor of {@code dims}. */
    static Tensor alongClasses(Tensor vector, long dims) {
        long[] shape = new long[(int) dims];
        Arrays.fill(shape, 1L);
        shape[1] = vector.size(0);
        return vector.view(shape);
    }

    /** The class count C of (N, C, *spatial) logits; fails clearly on anything with fewer than two dims. */
    static long classes(Tensor output, String loss) {
        if (output.dim() < 2) {
            throw new IllegalArgumentException(loss + " expects logits of shape (N, C, *spatial), got "
                    + Arrays.toString(output.sizes().vec().get()));
        }
        return output.size(1);
    }

    /** Fails unless {@code target} is {@code [N, *positions]} for scores {@code [N, C, *positions]}. */
    static void requireClassTargets(Tensor output, Tensor target, String loss) {
        long[] o = output.sizes().vec().get();
        long[] t = target.sizes().vec().get();
        long[] expected = new long[o.length - 1];
        expected[0] = o[0];
        System.arraycopy(o, 2, expected, 1, o.length - 2);
        if (!Arrays.equals(expected, t)) {
            throw new IllegalArgumentException(loss + " expects class targets " + Arrays.toString(expected)
                    + " for scores " + Arrays.toString(o) + " (class dimension 1), got " + Arrays.toString(t));
        }
    }

    /** Fails with an {@link InvalidValueException} for {@code key} unless {@code values} has one entry per class. */
    static void requireOnePerClass(List<Double> values, long classes, String key) {
        InvalidValueException.require(values.size() == classes, key,
                "must have one value per class: the output has %d classes, got %d values", classes, values.size());
    }

    static void requireNonNegative(List<Double> values, String key) {
        for (int i = 0; i < values.size(); i++) {
            double v = values.get(i);
            InvalidValueException.require(v >= 0 && Double.isFinite(v), key,
                    "values must be finite and >= 0, got %s at index %d", v, i);
        }
    }

    /** Targets with {@code ignoreIndex} replaced by class 0, so that they can index; pair with a validity mask. */
    static Tensor safeTargets(Tensor target, Tensor valid) {
        return target.masked_fill(valid.logical_not(), scalar(0));
    }

    /** One-hot (N, C, *spatial) with the dtype of {@code like} from class indices (N, *spatial). */
    static Tensor oneHot(Tensor target, Tensor like) {
        return torch.zeros_like(like).scatter(1, target.unsqueeze(1), scalar(1));
    }

    /** {@code num / den}, with 0 where {@code den} is 0 (callers guarantee {@code num} is 0 there too). */
    static Tensor ratioOrZero(Tensor num, Tensor den) {
        return num.div(den.add(den.eq(scalar(0)).to(den.scalar_type())));
    }

    /** {@code num / den}, with 1 where {@code den} is 0 (both empty: perfect overlap). */
    static Tensor ratioOrOne(Tensor num, Tensor den) {
        Tensor empty = den.eq(scalar(0)).to(den.scalar_type());
        return num.add(empty).div(den.add(empty));
    }

    /** Sum over {@code dims}; with no dims the tensor itself (libtorch would sum everything). */
    static Tensor sumOver(Tensor t, long[] dims) {
        return dims.length == 0 ? t : t.sum(dims);
    }

    /** Dims 2.. (per sample) or 0, 2.. (whole batch) of a (N, C, *spatial) tensor with {@code dims} dims. */
    static long[] spatialDims(long dims, boolean includeBatch) {
        int offset = includeBatch ? 1 : 0;
        long[] out = new long[(int) dims - 2 + offset];
        if (includeBatch) {
            out[0] = 0;
        }
        for (int d = 2; d < dims; d++) {
            out[d - 2 + offset] = d;
        }
        return out;
    }

    /** {@code target} converted to the dtype of {@code output}, after checking the shapes agree. */
    static Tensor sameShapeTarget(Tensor output, Tensor target, String loss) {
        long[] o = output.sizes().vec().get();
        long[] t = target.sizes().vec().get();
        if (!Arrays.equals(o, t)) {
            throw new IllegalArgumentException(loss + " expects output and target of the same shape, got "
                    + Arrays.toString(o) + " and " + Arrays.toString(t));
        }
        return target.to(output.scalar_type());
    }
}
