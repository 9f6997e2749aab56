package io.pylon.metrics;

import java.util.Arrays;

import org.bytedeco.pytorch.Tensor;

/**
 * The streaming part shared by the metrics derived from a confusion matrix: counts {@code M[t][p]} of targets
 * {@code t} predicted (arg-max, ties to the lowest class) as {@code p}, over every position of every sample.
 */
abstract class ConfusionCounts extends SummedMetric {

    final ClassCountParams params;
    final int classes;

    /** The sums are the counts, row-major {@code [target][predicted]}. */
    ConfusionCounts(ClassCountParams params) {
        super(params, params.numClasses() * params.numClasses());
        this.params = params;
        this.classes = params.numClasses();
    }

    @Override
    public final void update(Tensor output, Tensor target) {
        LabelledBatch batch = LabelledBatch.of(output, target);
        batch.requireClasses(classes, name());
        for (int n = 0; n < batch.samples(); n++) {
            for (int p = 0; p < batch.positions(); p++) {
                int t = LabelledBatch.checkLabel(batch.target(n, p), classes);
                sums[t * classes + batch.argmax(n, p)]++;
            }
        }
    }

    long total() {
        return (long) Arrays.stream(sums).sum();
    }

    long truePositives(int c) {
        return (long) sums[c * classes + c];
    }

    /** Samples of class {@code c}: row sum. */
    long support(int c) {
        long s = 0;
        for (int p = 0; p < classes; p++) {
            s += (long) sums[c * classes + p];
        }
        return s;
    }

    /** Predictions of class {@code c}: column sum. */
    long predicted(int c) {
        long s = 0;
        for (int t = 0; t < classes; t++) {
            s += (long) sums[t * classes + c];
        }
        return s;
    }

    /** {@code num / den}, or 0 when {@code den == 0} (scikit-learn's {@code zero_division=0}). */
    static double ratio(long num, long den) {
        return den == 0 ? 0.0 : (double) num / den;
    }
}
