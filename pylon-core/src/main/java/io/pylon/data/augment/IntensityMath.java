package io.pylon.data.augment;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import io.pylon.config.InvalidValueException;
import io.pylon.data.Sample;
import io.pylon.data.array.NdArray;

/**
 * Parameter checks, random draws and array helpers shared by the intensity transforms. Everything works on
 * flat C-ordered float arrays of shape {@code [C, *S]}.
 */
final class IntensityMath {

    private IntensityMath() {
    }

    static void requireProbability(double p, String key) {
        InvalidValueException.require(p >= 0 && p <= 1, key, "must be a probability in [0, 1], got %s", p);
    }

    static void requireFinite(double value, String key) {
        InvalidValueException.require(Double.isFinite(value), key, "must be a finite number, got %s", value);
    }

    /** A {@code [min, max]} pair of finite values with {@code lowest <= min <= max}. */
    static List<Double> requireRange(List<Double> range, String key, double lowest) {
        InvalidValueException.require(range != null && range.size() == 2, key,
                "must be a [min, max] pair, got %s", range);
        return requireValues(range, key, lowest);
    }

    /** One fixed value {@code [v]} or a {@code [min, max]} range to draw from uniformly. */
    static List<Double> requireValueOrRange(List<Double> values, String key, double lowest) {
        InvalidValueException.require(values != null && (values.size() == 1 || values.size() == 2), key,
                "must be one value [v] or a [min, max] range, got %s", values);
        return requireValues(values, key, lowest);
    }

    private static List<Double> requireValues(List<Double> values, String key, double lowest) {
        for (Double v : values) {
            InvalidValueException.require(v != null && Double.isFinite(v) && v >= lowest, key,
                    "values must be finite and >= %s, got %s", lowest, values);
        }
        InvalidValueException.require(values.getFirst() <= values.getLast(), key,
                "min must be <= max, got %s", values);
        return List.copyOf(values);
    }

    /** Whether a transform with probability {@code p} applies; draws a number only when 0 &lt; p &lt; 1. */
    static boolean applies(double p, SplittableRandom random) {
        if (p >= 1) {
            return true;
        }
        return p > 0 && random.nextDouble() < p;
    }

    /** The fixed value of a one-element list, or a uniform draw from a {@code [min, max]} pair. */
    static double draw(List<Double> valueOrRange, SplittableRandom random) {
        double low = valueOrRange.getFirst();
        if (valueOrRange.size() == 1) {
            return low;
        }
        return low + (valueOrRange.getLast() - low) * random.nextDouble();
    }

    /** The sample with its input as float32 (what a transform returns when it does not apply). */
    static Sample asFloat32(Sample sample) {
        NdArray input = sample.input();
        NdArray converted = input.asFloat32();
        return converted == input ? sample : sample.withInput(converted);
    }

    static Sample withValues(Sample sample, float[] values) {
        return sample.withInput(NdArray.of(values, sample.input().shape()));
    }

    /** One value applied to every input value: {@code v -> v * f}, {@code v -> v + d}. */
    @FunctionalInterface
    interface PerValue {
        float apply(float value, float drawn);
    }

    /**
     * With probability {@code p}, draws one value from {@code range} and applies {@code op} with it to every input
     * value (all channels); otherwise only converts the input to float32. Draws nothing when it does not apply.
     */
    static Sample withDrawnValue(Sample sample, SplittableRandom random, double p, List<Double> range, PerValue op) {
        if (!applies(p, random)) {
            return asFloat32(sample);
        }
        float drawn = (float) draw(range, random);
        float[] values = sample.input().toFloats();
        for (int i = 0; i < values.length; i++) {
            values[i] = op.apply(values[i], drawn);
        }
        return withValues(sample, values);
    }

    /** The input's shape {@code [C, *S]} as ints, checked to be a 2D image or a 3D volume. */
    static int[] imageShape(Sample sample, String transform) {
        long[] shape = sample.input().shape();
        if (shape.length != 3 && shape.length != 4) {
            throw new IllegalArgumentException("sample " + sample.index() + ": " + transform
                    + " needs an input [C, H, W] or [C, D, H, W], got " + Arrays.toString(shape));
        }
        int[] dims = new int[shape.length];
        for (int i = 0; i < shape.length; i++) {
            dims[i] = Math.toIntExact(shape[i]);
        }
        return dims;
    }

    /** The input's shape as ints, checked to have a channel dimension. */
    static int[] channelShape(Sample sample, String transform) {
        long[] shape = sample.input().shape();
        if (shape.length < 1) {
            throw new IllegalArgumentException("sample " + sample.index() + ": " + transform
                    + " needs a channel-first input [C, *S], got a scalar");
        }
        int[] dims = new int[shape.length];
        for (int i = 0; i < shape.length; i++) {
            dims[i] = Math.toIntExact(shape[i]);
        }
        return dims;
    }

    /** Elements per channel: the product of the spatial dimensions. */
    static int voxels(int[] dims) {
        int n = 1;
        for (int i = 1; i < dims.length; i++) {
            n = Math.multiplyExact(n, dims[i]);
        }
        return n;
    }

    /** Distance in the flat array between neighbours along {@code axis} (a dimension of {@code dims}). */
    static int stride(int[] dims, int axis) {
        int s = 1;
        for (int i = axis + 1; i < dims.length; i++) {
            s *= dims[i];
        }
        return s;
    }

    /** {min, max} of {@code values[from, from + length)}. */
    static float[] minMax(float[] values, int from, int length) {
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (int i = from; i < from + length; i++) {
            float v = values[i];
            if (v < min) {
                min = v;
            }
            if (v > max) {
                max = v;
            }
        }
        return new float[] {min, max};
    }

    /** {mean, population std} of {@code values[from, from + length)}, two passes in double precision. */
    static double[] meanStd(float[] values, int from, int length) {
        double sum = 0;
        for (int i = from; i < from + length; i++) {
            sum += values[i];
        }
        double mean = sum / length;
        double squares = 0;
        for (int i = from; i < from + length; i++) {
            double d = values[i] - mean;
            squares += d * d;
        }
        return new double[] {mean, Math.sqrt(squares / length)};
    }

    /**
     * Percentile {@code q} in [0, 100] of {@code values} with linear interpolation between order statistics
     * (NumPy's default): the value at fractional rank {@code q / 100 * (n - 1)}. Reorders {@code values}.
     */
    static double percentile(float[] values, int length, double q) {
        double rank = q / 100.0 * (length - 1);
        int low = (int) Math.floor(rank);
        double lowValue = select(values, 0, length - 1, low);
        if (low + 1 >= length || rank == low) {
            return lowValue;
        }
        // after select, everything right of low is >= values[low]; the next order statistic is their minimum
        float next = Float.POSITIVE_INFINITY;
        for (int i = low + 1; i < length; i++) {
            next = Math.min(next, values[i]);
        }
        return lowValue + (rank - low) * (next - lowValue);
    }

    /** Quickselect (Hoare partition, median-of-three pivot): the k-th smallest of {@code a[left..right]}. */
    private static float select(float[] a, int left, int right, int k) {
        while (right > left) {
            int mid = (left + right) >>> 1;
            float pivot = median(a[left], a[mid], a[right]);
            int i = left;
            int j = right;
            while (i <= j) {
                while (a[i] < pivot) {
                    i++;
                }
                while (a[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    float t = a[i];
                    a[i] = a[j];
                    a[j] = t;
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                right = j;
            } else if (k >= i) {
                left = i;
            } else {
                return a[k];
            }
        }
        return a[k];
    }

    private static float median(float a, float b, float c) {
        return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    }
}
