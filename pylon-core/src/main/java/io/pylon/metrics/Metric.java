package io.pylon.metrics;

import org.bytedeco.pytorch.Tensor;

/** A metric accumulated over batches; {@link #compute} is exact whatever the batching. */
public interface Metric {

    String name();

    Direction direction();

    /** Adds one batch; {@code output} and {@code target} are detached. */
    void update(Tensor output, Tensor target);

    double compute();

    void reset();

    /** The accumulators, so a run resumed mid-epoch reports the same epoch value. */
    double[] state();

    void loadState(double[] state);
}
