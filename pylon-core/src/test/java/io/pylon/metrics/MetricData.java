package io.pylon.metrics;

import java.util.Arrays;
import java.util.Random;

import org.bytedeco.pytorch.Tensor;

import io.pylon.engine.Tensors;

/**
 * A labelled data set held as Java arrays, sliceable into batches of tensors: scores {@code [N, C, *rest]} and
 * targets {@code [N, *rest]}.
 */
record MetricData(float[] scores, long[] targets, int samples, int classes, long[] rest) {

    int positions() {
        return (int) Arrays.stream(rest).reduce(1, (a, b) -> a * b);
    }

    Tensor output(int from, int to) {
        int per = classes * positions();
        long[] shape = new long[rest.length + (classes == 0 ? 1 : 2)];
        shape[0] = to - from;
        if (classes == 0) {
            return Tensors.fromFloats(Arrays.copyOfRange(scores, from, to), to - from);
        }
        shape[1] = classes;
        System.arraycopy(rest, 0, shape, 2, rest.length);
        return Tensors.fromFloats(Arrays.copyOfRange(scores, from * per, to * per), shape);
    }

    Tensor target(int from, int to) {
        long[] shape = new long[rest.length + 1];
        shape[0] = to - from;
        System.arraycopy(rest, 0, shape, 1, rest.length);
        return Tensors.fromLongs(Arrays.copyOfRange(targets, from * positions(), to * positions()), shape);
    }

    long[] indices(int from, int to) {
        long[] ids = new long[to - from];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = 1000 + from + i;
        }
        return ids;
    }

    /** Classification: logits correlated with the labels so scores are informative; some exact ties. */
    static MetricData classification(long seed, int samples, int classes) {
        Random random = new Random(seed);
        float[] scores = new float[samples * classes];
        long[] targets = new long[samples];
        for (int n = 0; n < samples; n++) {
            targets[n] = random.nextInt(classes);
            for (int c = 0; c < classes; c++) {
                // quantised so that ties between samples and classes occur
                scores[n * classes + c] = Math.round((float) random.nextGaussian() * 4) / 4f
                        + (c == targets[n] ? 1f : 0f);
            }
        }
        return new MetricData(scores, targets, samples, classes, new long[0]);
    }

    /** Binary scores {@code [N]} with ties. */
    static MetricData binaryScores(long seed, int samples) {
        Random random = new Random(seed);
        float[] scores = new float[samples];
        long[] targets = new long[samples];
        for (int n = 0; n < samples; n++) {
            targets[n] = random.nextInt(2);
            scores[n] = Math.round((float) random.nextGaussian() * 3 + targets[n] * 2) / 2f;
        }
        return new MetricData(scores, targets, samples, 0, new long[0]);
    }

    /** Segmentation: blob-like label maps and noisy logits that mostly agree with them. */
    static MetricData segmentation(long seed, int samples, int classes, long... spatial) {
        Random random = new Random(seed);
        int positions = (int) Arrays.stream(spatial).reduce(1, (a, b) -> a * b);
        float[] scores = new float[samples * classes * positions];
        long[] targets = new long[samples * positions];
        for (int n = 0; n < samples; n++) {
            double[][] centres = new double[classes][spatial.length];
            double[] radii = new double[classes];
            for (int c = 1; c < classes; c++) {
                for (int a = 0; a < spatial.length; a++) {
                    centres[c][a] = random.nextDouble() * spatial[a];
                }
                radii[c] = random.nextInt(4) == 0 ? 0 : 1 + random.nextDouble() * spatial[0] / 3.0;
            }
            for (int p = 0; p < positions; p++) {
                int[] coord = coord(p, spatial);
                int label = 0;
                for (int c = 1; c < classes; c++) {
                    double sq = 0;
                    for (int a = 0; a < spatial.length; a++) {
                        sq += (coord[a] - centres[c][a]) * (coord[a] - centres[c][a]);
                    }
                    if (sq < radii[c] * radii[c]) {
                        label = c;
                    }
                }
                targets[n * positions + p] = label;
                for (int c = 0; c < classes; c++) {
                    scores[(n * classes + c) * positions + p] = (float) random.nextGaussian() * 0.8f
                            + (c == label ? 1.5f : 0f);
                }
            }
        }
        return new MetricData(scores, targets, samples, classes, spatial.clone());
    }

    /** Next-token logits {@code [N, C, T]} with targets {@code [N, T]}, some of them the ignore index. */
    static MetricData tokens(long seed, int samples, int classes, int length) {
        Random random = new Random(seed);
        float[] scores = new float[samples * classes * length];
        long[] targets = new long[samples * length];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = (float) random.nextGaussian() * 2;
        }
        for (int i = 0; i < targets.length; i++) {
            targets[i] = random.nextInt(10) == 0 ? -100 : random.nextInt(classes);
        }
        return new MetricData(scores, targets, samples, classes, new long[] {length});
    }

    private static int[] coord(int index, long[] dims) {
        int[] c = new int[dims.length];
        int rest = index;
        for (int a = dims.length - 1; a >= 0; a--) {
            c[a] = (int) (rest % dims[a]);
            rest /= (int) dims[a];
        }
        return c;
    }
}
