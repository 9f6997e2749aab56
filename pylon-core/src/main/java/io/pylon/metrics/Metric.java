package io.pylon.metrics;

import java.util.Map;

import org.bytedeco.pytorch.Tensor;

/**
 * A metric accumulated over batches. {@link #compute} is exact whatever the batching: counts-based metrics give
 * bit-identical values, the others agree to rounding. A metric may report several values, each under a key that
 * starts with its {@link #name} ({@code f1/macro}, {@code f1/class_3}, {@code dice/mean}); monitors refer to them
 * as {@code <split>/<key>}.
 *
 * <p>Every metric reports {@link Double#NaN} for every key before its first update (there is nothing to measure);
 * other NaN values are documented by the metric.
 */
public interface Metric {

    String name();

    /** Direction of every key of this metric. */
    Direction direction();

    /** Direction of one of the keys {@link #compute} returns; the same for every key unless a metric says otherwise. */
    default Direction direction(String key) {
        return direction();
    }

    /**
     * Adds one batch; {@code output} and {@code target} are detached. Samples are numbered by their position in
     * the stream since the last {@link #reset}.
     */
    void update(Tensor output, Tensor target);

    /**
     * Adds one batch whose samples have the given dataset indices ({@code indices.length} equals the batch size);
     * metrics that keep {@link PerSampleScores} file their scores under these indices.
     */
    default void update(Tensor output, Tensor target, long[] indices) {
        update(output, target);
    }

    /** The values, key -> value, in a stable key order. */
    Map<String, Double> compute();

    void reset();

    /**
     * Adds the accumulators of {@code other} (a metric of the same class and parameters) to this one, so that
     * merging metrics fed disjoint parts of the data equals feeding all the data to one metric.
     *
     * @throws IllegalArgumentException if {@code other} is of another class or has other parameters
     */
    void merge(Metric other);

    /** The accumulators, so a run resumed mid-epoch reports the same epoch value. */
    double[] state();

    void loadState(double[] state);
}
