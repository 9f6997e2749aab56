package io.pylon.data.augment;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.SplittableRandom;
import java.util.TreeSet;

import io.pylon.config.Config;
import io.pylon.data.Sample;
import io.pylon.data.array.NdArray;
import io.pylon.data.transform.Transform;
import io.pylon.data.transform.Transforms;
import io.pylon.testing.TestComponents;

/** Samples and config-built transforms for the spatial transform tests. */
final class SpatialTesting {

    private SpatialTesting() {
    }

    /** The transform of one config list item, e.g. {@code "{name: flip, axes: [0], p: 1}"}. */
    static Transform transform(String item) {
        Config config = Config.parse("t: [" + item + "]\n", "x.yaml");
        return Transforms.chain(TestComponents.BINDER, config.find("t").orElseThrow(), "t").steps().getFirst();
    }

    /** Values 0, 1, 2, ... in C order. */
    static NdArray ramp(long... shape) {
        float[] values = new float[Math.toIntExact(NdArray.count(shape))];
        for (int i = 0; i < values.length; i++) {
            values[i] = i;
        }
        return NdArray.of(values, shape);
    }

    static NdArray gaussian(long seed, long... shape) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] values = new float[Math.toIntExact(NdArray.count(shape))];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (random.nextDouble() * 2 - 1);
        }
        return NdArray.of(values, shape);
    }

    /** A label map of axis-aligned blocks of {@code block} points, labels drawn from {@code labels}. */
    static NdArray blocks(long seed, int block, long[] labels, long... shape) {
        SplittableRandom random = new SplittableRandom(seed);
        int n = Math.toIntExact(NdArray.count(shape));
        long[] values = new long[n];
        int dims = shape.length;
        long[] blockLabels = new long[4096];
        for (int i = 0; i < blockLabels.length; i++) {
            blockLabels[i] = labels[random.nextInt(labels.length)];
        }
        for (int i = 0; i < n; i++) {
            int rest = i;
            int key = 0;
            for (int a = dims - 1; a >= 0; a--) {
                int coordinate = (int) (rest % shape[a]);
                rest /= (int) shape[a];
                key = key * 16 + coordinate / block;
            }
            values[i] = blockLabels[key % blockLabels.length];
        }
        return NdArray.of(values, shape);
    }

    /** {@code image = 10 * label} as a one-channel float input, with the label map as dense target. */
    static Sample aligned(NdArray labels) {
        long[] values = labels.toLongs();
        float[] image = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            image[i] = 10f * values[i];
        }
        long[] shape = labels.shape();
        long[] inputShape = new long[shape.length + 1];
        inputShape[0] = 1;
        System.arraycopy(shape, 0, inputShape, 1, shape.length);
        return Sample.segmented(0, NdArray.of(image, inputShape), labels);
    }

    static TreeSet<Long> labelSet(NdArray labels) {
        TreeSet<Long> set = new TreeSet<>();
        for (long v : labels.toLongs()) {
            set.add(v);
        }
        return set;
    }

    static NdArray copy(NdArray array) {
        return new NdArray(MemorySegment.ofArray(array.data().toArray(ValueLayout.JAVA_BYTE)), array.dtype(),
                array.shape());
    }

    static SplittableRandom seed(long seed) {
        return new SplittableRandom(seed);
    }

    /** Flat C-order index of {@code coordinates} in {@code shape}. */
    static int at(long[] shape, int... coordinates) {
        int index = 0;
        for (int a = 0; a < shape.length; a++) {
            index = index * (int) shape[a] + coordinates[a];
        }
        return index;
    }
}
