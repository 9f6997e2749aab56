package io.pylon.metrics;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntToDoubleFunction;

/** Builds the {@code macro}, {@code micro} and {@code class_c} keys of a per-class metric. */
final class PerClassAverages {

    /** A score from pooled counts. */
    interface Pooled {
        double apply(long tp, long fp, long fn);
    }

    private PerClassAverages() {
    }

    static Map<String, Double> of(ConfusionCounts metric, IntToDoubleFunction perClass, Pooled pooled) {
        Map<String, Double> values = new LinkedHashMap<>();
        String name = metric.name();
        int classes = metric.classes;
        boolean empty = metric.total() == 0;
        double[] scores = new double[classes];
        long tp = 0;
        long fp = 0;
        long fn = 0;
        double sum = 0;
        for (int c = 0; c < classes; c++) {
            scores[c] = perClass.applyAsDouble(c);
            sum += scores[c];
            long t = metric.truePositives(c);
            tp += t;
            fp += metric.predicted(c) - t;
            fn += metric.support(c) - t;
        }
        values.put(name + "/macro", empty ? Double.NaN : sum / classes);
        values.put(name + "/micro", empty ? Double.NaN : pooled.apply(tp, fp, fn));
        for (int c = 0; c < classes; c++) {
            values.put(MetricSupport.classKey(name, c), empty ? Double.NaN : scores[c]);
        }
        return values;
    }
}
