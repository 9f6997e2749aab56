package io.pylon.metrics;

import java.util.LinkedHashMap;
import java.util.Map;

import org.bytedeco.pytorch.Tensor;

import io.pylon.config.Default;
import io.pylon.config.InvalidValueException;

/**
 * Fraction of samples whose target class is among the {@code k} highest scores:
 * {@code top_k_accuracy = #{n : #{c : s[n,c] > s[n,y_n]} < k} / N}. A class tied with the target's score does
 * not push the target out of the top k (ties count in the target's favour). With {@code k >= C} every sample
 * counts as correct. NaN before any sample.
 */
public final class TopKAccuracy extends SummedMetric {

    /** @param k how many of the highest-scoring classes may contain the target */
    public record Params(@Default("5") int k) {
        public Params {
            InvalidValueException.require(k >= 1, "k", "must be >= 1, got %d", k);
        }
    }

    private static final int CORRECT = 0;
    private static final int TOTAL = 1;

    private final Params params;

    public TopKAccuracy(Params params) {
        super(params, 2);
        this.params = params;
    }

    @Override
    public String name() {
        return "top_k_accuracy";
    }

    @Override
    public Direction direction() {
        return Direction.HIGHER_IS_BETTER;
    }

    @Override
    public void update(Tensor output, Tensor target) {
        LabelledBatch batch = LabelledBatch.of(output, target);
        for (int n = 0; n < batch.samples(); n++) {
            for (int p = 0; p < batch.positions(); p++) {
                int y = LabelledBatch.checkLabel(batch.target(n, p), batch.classes());
                float own = batch.score(n, y, p);
                int above = 0;
                for (int c = 0; c < batch.classes(); c++) {
                    if (batch.score(n, c, p) > own) {
                        above++;
                    }
                }
                if (above < params.k()) {
                    sums[CORRECT]++;
                }
            }
        }
        sums[TOTAL] += (long) batch.samples() * batch.positions();
    }

    @Override
    public Map<String, Double> compute() {
        Map<String, Double> values = new LinkedHashMap<>();
        values.put(name(), sums[TOTAL] == 0 ? Double.NaN : sums[CORRECT] / sums[TOTAL]);
        return values;
    }
}
