package io.pylon.metrics;

import java.util.Arrays;

/**
 * A metric whose whole state is a fixed number of sums (counts included), declared once in the constructor:
 * reset, merge, state and loadState follow from that declaration. Sums are doubles (exact for counts below
 * 2^53), so the checkpointed state is the sums themselves.
 */
abstract class SummedMetric implements Metric {

    /** The parameters two metrics must share to be merged (null for a metric without any). */
    private final Object params;
    /** The accumulators; subclasses name their slots with constants. */
    final double[] sums;

    SummedMetric(Object params, int sumCount) {
        this.params = params;
        this.sums = new double[sumCount];
    }

    @Override
    public final void reset() {
        Arrays.fill(sums, 0);
    }

    @Override
    public final void merge(Metric other) {
        SummedMetric that = MetricSupport.mergeable(this, other, getClass(), params,
                other instanceof SummedMetric s ? s.params : null);
        for (int i = 0; i < sums.length; i++) {
            sums[i] += that.sums[i];
        }
    }

    @Override
    public final double[] state() {
        return sums.clone();
    }

    @Override
    public final void loadState(double[] state) {
        MetricSupport.requireLength(state, sums.length, name());
        System.arraycopy(state, 0, sums, 0, sums.length);
    }
}
