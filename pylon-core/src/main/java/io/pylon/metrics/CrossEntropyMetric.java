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
abstract class CrossEntropyMetric extends SummedMetric {

    private static final int SUM = 0;
    private static final int TOKENS = 1;

    private final TokenParams params;

    CrossEntropyMetric(TokenParams params) {
        super(params, 2);
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
                sums[SUM] += max + Math.log(exps) - batch.score(n, y, p);
                sums[TOKENS]++;
            }
        }
    }

    @Override
    public final Map<String, Double> compute() {
        Map<String, Double> values = new LinkedHashMap<>();
        values.put(name(), sums[TOKENS] == 0 ? Double.NaN : fromMeanCrossEntropy(sums[SUM] / sums[TOKENS]));
        return values;
    }
}
