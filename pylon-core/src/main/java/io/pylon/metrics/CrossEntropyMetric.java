package io.pylon.metrics;

import java.util.LinkedHashMap;
import java.util.Map;

import org.bytedeco.pytorch.Tensor;

/**
 * Streaming sum of the cross-entropy {@code CE = logsumexp_c(l_c) - l_y} (natural log, computed in double
 * precision) over every scored token, and the number of tokens. Logits are {@code [N, C]} or
 * {@code [N, C, *positions]} (class dimension 1, as cross-entropy), targets {@code [N]} or {@code [N, *positions]};
 * tokens whose target equals {@code ignore_index} are skipped.
 */
abstract class CrossEntropyMetric implements Metric {

    private final TokenParams params;
    private double sum;
    private long tokens;

    CrossEntropyMetric(TokenParams params) {
        this.params = params;
    }

    /** The value from the mean cross-entropy in nats. */
    abstract double fromMeanCrossEntropy(double mean);

    @Override
    public final Direction direction() {
        return Direction.LOWER_IS_BETTER;
    }

    @Override
    public final void update(Tensor output, Tensor target) {
        LabelledBatch batch = LabelledBatch.of(output, target);
        for (int n = 0; n < batch.samples(); n++) {
            for (int p = 0; p < batch.positions(); p++) {
                long label = batch.target(n, p);
                if (label == params.ignoreIndex()) {
                    continue;
                }
                int y = LabelledBatch.checkLabel(label, batch.classes());
                double max = Double.NEGATIVE_INFINITY;
                for (int c = 0; c < batch.classes(); c++) {
                    max = Math.max(max, batch.score(n, c, p));
                }
                double exps = 0;
                for (int c = 0; c < batch.classes(); c++) {
                    exps += Math.exp(batch.score(n, c, p) - max);
                }
                sum += max + Math.log(exps) - batch.score(n, y, p);
                tokens++;
            }
        }
    }

    @Override
    public final Map<String, Double> compute() {
        Map<String, Double> values = new LinkedHashMap<>();
        values.put(name(), tokens == 0 ? Double.NaN : fromMeanCrossEntropy(sum / tokens));
        return values;
    }

    @Override
    public final void reset() {
        sum = 0;
        tokens = 0;
    }

    @Override
    public final void merge(Metric other) {
        CrossEntropyMetric that = MetricSupport.mergeable(this, other, getClass(), params,
                other instanceof CrossEntropyMetric c ? c.params : null);
        sum += that.sum;
        tokens += that.tokens;
    }

    @Override
    public final double[] state() {
        return new double[] {sum, tokens};
    }

    @Override
    public final void loadState(double[] state) {
        MetricSupport.requireLength(state, 2, name());
        sum = state[0];
        tokens = (long) state[1];
    }
}
