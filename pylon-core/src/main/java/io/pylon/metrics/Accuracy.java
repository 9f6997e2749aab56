package io.pylon.metrics;

import java.util.LinkedHashMap;
import java.util.Map;

import org.bytedeco.pytorch.Tensor;

/**
 * Fraction of predictions whose arg-max class equals the target: {@code accuracy = correct / total}. The output
 * is {@code [N, C, *rest]} and the target {@code [N, *rest]}; every position counts (pixel accuracy for
 * segmentation). Ties in the scores go to the lowest class. NaN before any sample.
 */
public final class Accuracy extends SummedMetric {

    /** Accuracy has no parameters. */
    public record Params() {
    }

    private static final int CORRECT = 0;
    private static final int TOTAL = 1;

    public Accuracy() {
        super(null, 2);
    }

    public Accuracy(Params params) {
        this();
    }

    @Override
    public String name() {
        return "accuracy";
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
                if (batch.argmax(n, p) == batch.target(n, p)) {
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
