package io.pylon.data.augment;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.SplittableRandom;

import io.pylon.data.Sample;
import io.pylon.data.array.NdArray;
import io.pylon.data.transform.Transform;

/**
 * Times the spatial transforms on one 64^3 sample (one float32 channel and an int64 label map), single
 * threaded, after a warm-up: {@code java -cp pylon-core/target/test-classes:pylon-core/target/classes:... io.pylon.data.augment.SpatialBench (a benchmark kept with the tests, not a test)}.
 * Prints wall milliseconds per sample (median and 10th percentile: on a loaded machine the low quantile is
 * the better estimate of the uncontended cost) and the median thread-CPU time; nothing asserts on them.
 */
final class SpatialBench {

    private static final int WARMUP = 200;
    private static final int RUNS = 100;

    private SpatialBench() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 64;
        Sample sample = sample(n);
        List<Transform> transforms = List.of(
                new Flip(List.of(), 1.0),
                new Rot90(List.of(), 1.0, OptionalInt.of(1)),
                new RandomCrop(List.of(48, 48, 48), 0, false, 0, 0, 0.1, 10, 0),
                new Resize(List.of(48, 48, 48), Interpolation.LINEAR),
                new Affine(1.0, List.of(-15.0, 15.0), List.of(0.9, 1.1), List.of(-5.0, 5.0), List.of(-0.1, 0.1),
                        Interpolation.LINEAR, 0, 0),
                new Elastic(1.0, List.of(16), List.of(2.0, 4.0), Interpolation.LINEAR, 0, 0),
                new Elastic(1.0, List.of(8), List.of(2.0, 4.0), Interpolation.LINEAR, 0, 0));
        System.out.printf(Locale.ROOT, "%d^3 sample, 1 float32 channel + int64 labels, %d runs after %d warm-up%n",
                n, RUNS, WARMUP);
        for (Transform transform : transforms) {
            double[][] ms = time(transform, sample);
            System.out.printf(Locale.ROOT, "%-11s wall median %6.2f ms, p10 %6.2f ms; cpu median %6.2f ms  (%s)%n",
                    transform.getClass().getSimpleName(), quantile(ms[0], 0.5), quantile(ms[0], 0.1),
                    quantile(ms[1], 0.5), transform.fingerprint());
        }
    }

    private static double quantile(double[] values, double q) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[(int) (q * (sorted.length - 1))];
    }

    /** Wall and thread-CPU milliseconds of each run. */
    private static double[][] time(Transform transform, Sample sample) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long sink = 0;
        for (int i = 0; i < WARMUP; i++) {
            sink += transform.apply(sample, new SplittableRandom(i)).input().size();
        }
        double[][] ms = new double[2][RUNS];
        for (int i = 0; i < RUNS; i++) {
            long cpu = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            sink += transform.apply(sample, new SplittableRandom(1000 + i)).input().size();
            ms[0][i] = (System.nanoTime() - start) / 1e6;
            ms[1][i] = (threads.getCurrentThreadCpuTime() - cpu) / 1e6;
        }
        if (sink == 42) {
            System.out.println();
        }
        return ms;
    }

    private static Sample sample(int n) {
        SplittableRandom random = new SplittableRandom(0);
        float[] image = new float[n * n * n];
        long[] labels = new long[n * n * n];
        for (int i = 0; i < image.length; i++) {
            image[i] = (float) random.nextDouble();
            labels[i] = (i / n / n) / 16 % 3;
        }
        return Sample.segmented(0, NdArray.of(image, 1, n, n, n), NdArray.of(labels, n, n, n));
    }
}
