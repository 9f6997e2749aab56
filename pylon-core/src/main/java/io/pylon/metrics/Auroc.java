package io.pylon.metrics;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.bytedeco.pytorch.Tensor;

import io.pylon.config.InvalidValueException;

/**
 * Area under the ROC curve, exact: every score is kept and sorted at {@link #compute}. With {@code n+} positives
 * and {@code n-} negatives and midranks {@code r_i} of the scores (tied scores share the mean of their ranks),
 * {@code AUC = (sum_{i positive} r_i - n+ (n+ + 1) / 2) / (n+ n-)}, the Mann-Whitney statistic; it equals the
 * trapezoidal area under the ROC curve with ties handled as scikit-learn's {@code roc_auc_score} (a tied
 * positive/negative pair counts 1/2).
 *
 * <p>Binary ({@code num_classes: 2}): the output is {@code [N]} or {@code [N, 1]} (one score or logit for the
 * positive class) or {@code [N, 2]} logits (score {@code l_1 - l_0}, which orders the samples as the softmax
 * probability of class 1 does); targets are 0 or 1; the key is {@code auroc}. Multi-class
 * ({@code num_classes >= 3}): one-vs-rest on the softmax probabilities (computed in double precision, the
 * exponentials summed in increasing order so that equal probabilities come out bit-identical) of the
 * {@code [N, C]} logits; keys {@code auroc/class_c} and {@code auroc/macro}, their unweighted mean. A class with no
 * positive or no negative sample has no defined AUC: its value is NaN, and the macro mean is over the other
 * classes (NaN when none is defined; scikit-learn raises an error instead).
 */
public final class Auroc implements Metric {

    /** @param numClasses 2 for binary, C >= 3 for one-vs-rest over C classes */
    public record Params(int numClasses) {
        public Params {
            InvalidValueException.require(numClasses >= 2, "num_classes", "must be >= 2, got %d", numClasses);
        }
    }

    private final Params params;
    private final int width;
    /** Per sample: {@code width} scores then the label. */
    private double[] rows = new double[0];
    private int count;

    public Auroc(Params params) {
        this.params = params;
        this.width = params.numClasses() == 2 ? 1 : params.numClasses();
    }

    @Override
    public String name() {
        return "auroc";
    }

    @Override
    public Direction direction() {
        return Direction.HIGHER_IS_BETTER;
    }

    @Override
    public void update(Tensor output, Tensor target) {
        LabelledBatch batch = LabelledBatch.of(output, target);
        if (batch.positions() != 1) {
            throw new IllegalArgumentException("auroc takes [N], [N, 1] or [N, C] outputs, got extra dimensions "
                    + Arrays.toString(batch.rest()));
        }
        boolean binary = params.numClasses() == 2;
        if (binary ? batch.classes() > 2 : batch.classes() != params.numClasses()) {
            throw new IllegalArgumentException("auroc has num_classes " + params.numClasses()
                    + " but the output has " + batch.classes() + " columns");
        }
        ensureCapacity(count + batch.samples());
        for (int n = 0; n < batch.samples(); n++) {
            int at = (count + n) * (width + 1);
            if (binary) {
                rows[at] = batch.classes() == 1 ? batch.score(n, 0, 0)
                        : (double) batch.score(n, 1, 0) - batch.score(n, 0, 0);
            } else {
                double max = Double.NEGATIVE_INFINITY;
                for (int c = 0; c < width; c++) {
                    max = Math.max(max, batch.score(n, c, 0));
                }
                double[] exps = new double[width];
                for (int c = 0; c < width; c++) {
                    exps[c] = Math.exp(batch.score(n, c, 0) - max);
                    rows[at + c] = exps[c];
                }
                // summed in increasing order, so that logit rows that are permutations of each other give
                // bit-identical probabilities and mathematical ties stay ties
                Arrays.sort(exps);
                double sum = 0;
                for (double e : exps) {
                    sum += e;
                }
                for (int c = 0; c < width; c++) {
                    rows[at + c] /= sum;
                }
            }
            rows[at + width] = LabelledBatch.checkLabel(batch.target(n, 0), params.numClasses());
        }
        count += batch.samples();
    }

    private void ensureCapacity(int samples) {
        int needed = samples * (width + 1);
        if (rows.length < needed) {
            rows = Arrays.copyOf(rows, Math.max(needed, rows.length * 2));
        }
    }

    @Override
    public Map<String, Double> compute() {
        Map<String, Double> values = new LinkedHashMap<>();
        if (params.numClasses() == 2) {
            values.put(name(), classAuc(0, 1));
            return values;
        }
        double sum = 0;
        int defined = 0;
        double[] perClass = new double[width];
        for (int c = 0; c < width; c++) {
            perClass[c] = classAuc(c, c);
            if (!Double.isNaN(perClass[c])) {
                sum += perClass[c];
                defined++;
            }
        }
        values.put(name() + "/macro", defined == 0 ? Double.NaN : sum / defined);
        for (int c = 0; c < width; c++) {
            values.put(MetricSupport.classKey(name(), c), perClass[c]);
        }
        return values;
    }

    /** AUC of score column {@code column} for "label == positive" against the rest. */
    private double classAuc(int column, int positive) {
        double[] scores = new double[count];
        boolean[] isPositive = new boolean[count];
        long positives = 0;
        for (int i = 0; i < count; i++) {
            scores[i] = rows[i * (width + 1) + column];
            isPositive[i] = rows[i * (width + 1) + width] == positive;
            positives += isPositive[i] ? 1 : 0;
        }
        long negatives = count - positives;
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        return mannWhitney(scores, isPositive, positives, negatives);
    }

    /** The exact AUC; twice the rank sums are integers, so the only rounding is the final division. */
    static double mannWhitney(double[] scores, boolean[] isPositive, long positives, long negatives) {
        int n = scores.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(scores[a], scores[b]));
        long twiceRankSum = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && scores[order[j + 1]] == scores[order[i]]) {
                j++;
            }
            // ranks i+1 .. j+1 share the midrank (i + j + 2) / 2
            long twiceMidrank = i + j + 2L;
            for (int k = i; k <= j; k++) {
                if (isPositive[order[k]]) {
                    twiceRankSum += twiceMidrank;
                }
            }
            i = j + 1;
        }
        long twiceU = twiceRankSum - positives * (positives + 1);
        return (double) twiceU / (2.0 * positives * negatives);
    }

    @Override
    public void reset() {
        rows = new double[0];
        count = 0;
    }

    @Override
    public void merge(Metric other) {
        Auroc that = MetricSupport.mergeable(this, other, Auroc.class, params,
                other instanceof Auroc a ? a.params : null);
        ensureCapacity(count + that.count);
        System.arraycopy(that.rows, 0, rows, count * (width + 1), that.count * (width + 1));
        count += that.count;
    }

    @Override
    public double[] state() {
        return Arrays.copyOf(rows, count * (width + 1));
    }

    @Override
    public void loadState(double[] state) {
        if (state.length % (width + 1) != 0) {
            throw new IllegalArgumentException("auroc state length " + state.length + " is not a multiple of "
                    + (width + 1));
        }
        rows = state.clone();
        count = state.length / (width + 1);
    }
}
