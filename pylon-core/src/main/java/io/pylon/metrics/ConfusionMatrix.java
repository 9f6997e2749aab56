package io.pylon.metrics;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The confusion matrix {@code M[t][p]} = number of positions with target {@code t} and arg-max prediction
 * {@code p}, available as counts through {@link #matrix()}. {@link #compute} reports per-class recall,
 * {@code confusion_matrix/class_c = M[c][c] / sum_p M[c][p]} (0 for a class without samples, as scikit-learn's
 * {@code zero_division=0}), and {@code confusion_matrix/mean_recall}, their mean over the classes that have
 * samples (balanced accuracy; NaN when there is no sample at all).
 */
public final class ConfusionMatrix extends ConfusionCounts {

    public ConfusionMatrix(ClassCountParams params) {
        super(params);
    }

    @Override
    public String name() {
        return "confusion_matrix";
    }

    @Override
    public Direction direction() {
        return Direction.HIGHER_IS_BETTER;
    }

    /** A copy of the counts, {@code [target][predicted]}. */
    public long[][] matrix() {
        long[][] m = new long[classes][classes];
        for (int t = 0; t < classes; t++) {
            for (int p = 0; p < classes; p++) {
                m[t][p] = (long) sums[t * classes + p];
            }
        }
        return m;
    }

    @Override
    public Map<String, Double> compute() {
        Map<String, Double> values = new LinkedHashMap<>();
        double sum = 0;
        int present = 0;
        for (int c = 0; c < classes; c++) {
            long support = support(c);
            double recall = ratio(truePositives(c), support);
            if (support > 0) {
                sum += recall;
                present++;
            }
            values.put(MetricSupport.classKey(name(), c), total() == 0 ? Double.NaN : recall);
        }
        values.put(name() + "/mean_recall", present == 0 ? Double.NaN : sum / present);
        return values;
    }
}
