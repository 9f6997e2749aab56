package io.pylon.metrics;

import java.util.LinkedHashMap;
import java.util.Map;

import org.bytedeco.pytorch.Tensor;

/**
 * Fraction of predictions whose arg-max class equals the target: {@code accuracy = correct / total}. The output
 * is {@code [N, C, *rest]} and the target {@code [N, *rest]}; every position counts (pixel accuracy for
 * segmentation). Ties in the scores go to the lowest class. NaN before any sample.
 */
public final class Accuracy implements Metric {

    /** Accuracy has no parameters. */
    public record Params() {
    }

    private long correct;
    private long total;

    public Accuracy() {
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
                    correct++;
                }
            }
        }
        total += (long) batch.samples() * batch.positions();
    }

    @Override
    public Map<String, Double> compute() {
        Map<String, Double> values = new LinkedHashMap<>();
        values.put(name(), total == 0 ? Double.NaN : (double) correct / total);
        return values;
    }

    @Override
    public void reset() {
        correct = 0;
        total = 0;
    }

    @Override
    public void merge(Metric other) {
        Accuracy that = MetricSupport.mergeable(this, other, Accuracy.class, null, null);
        correct += that.correct;
        total += that.total;
    }

    @Override
    public double[] state() {
        return new double[] {correct, total};
    }

    @Override
    public void loadState(double[] state) {
        MetricSupport.requireLength(state, 2, name());
        correct = (long) state[0];
        total = (long) state[1];
    }
}
