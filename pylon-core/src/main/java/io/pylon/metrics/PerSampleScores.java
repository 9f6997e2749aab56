package io.pylon.metrics;

import java.util.SortedMap;

/**
 * A metric that also scores every sample on its own, filed under the sample's dataset index (given to
 * {@link Metric#update(org.bytedeco.pytorch.Tensor, org.bytedeco.pytorch.Tensor, long[])}, or the sample's
 * position in the stream since the last reset without indices).
 */
public interface PerSampleScores {

    /** Sample index -> score, in increasing index order; a sample seen twice keeps its last score. */
    SortedMap<Long, Double> perSample();

    /** The key under which the per-sample scores are written, e.g. {@code dice/mean}. */
    String perSampleKey();
}
