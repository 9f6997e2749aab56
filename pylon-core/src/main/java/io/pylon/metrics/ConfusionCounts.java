package io.pylon.metrics;

import java.util.Arrays;

import org.bytedeco.pytorch.Tensor;

/**
 * The streaming part shared by the metrics derived from a confusion matrix: counts {@code M[t][p]} of targets
 * {@code t} predicted (arg-max, ties to the lowest class) as {@code p}, over every position of every sample.
 */
abstract class ConfusionCounts implements Metric {

    final ClassCountParams params;
    final int classes;
    final long[] counts;

    ConfusionCounts(ClassCountParams params) {
        this.params = params;
        this.classes = params.numClasses();
        this.counts = new long[classes * classes];
    }

    @Override
    public final void update(Tensor output, Tensor target) {
        LabelledBatch batch = LabelledBatch.of(output, target);
        batch.requireClasses(classes, name());
        for (int n = 0; n < batch.samples(); n++) {
            for (int p = 0; p < batch.positions(); p++) {
                int t = LabelledBatch.checkLabel(batch.target(n, p), classes);
                counts[t * classes + batch.argmax(n, p)]++;
            }
        }
    }

    long total() {
        return Arrays.stream(counts).sum();
    }

    long truePositives(int c) {
        return counts[c * classes + c];
    }

    /** Samples of class {@code c}: row sum. */
    long support(int c) {
        long s = 0;
        for (int p = 0; p < classes; p++) {
            s += counts[c * classes + p];
        }
        return s;
    }

    /** Predictions of class {@code c}: column sum. */
    long predicted(int c) {
        long s = 0;
        for (int t = 0; t < classes; t++) {
            s += counts[t * classes + c];
        }
        return s;
    }

    /** {@code num / den}, or 0 when {@code den == 0} (scikit-learn's {@code zero_division=0}). */
    static double ratio(long num, long den) {
        return den == 0 ? 0.0 : (double) num / den;
    }

    @Override
    public final void reset() {
        Arrays.fill(counts, 0);
    }

    @Override
    public final void merge(Metric other) {
        ConfusionCounts that = MetricSupport.mergeable(this, other, getClass(), params,
                other instanceof ConfusionCounts c ? c.params : null);
        MetricSupport.add(counts, that.counts);
    }

    @Override
    public final double[] state() {
        return Arrays.stream(counts).asDoubleStream().toArray();
    }

    @Override
    public final void loadState(double[] state) {
        MetricSupport.requireLength(state, counts.length, name());
        for (int i = 0; i < counts.length; i++) {
            counts[i] = (long) state[i];
        }
    }
}
