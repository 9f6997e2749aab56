package io.pylon.metrics;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;

import org.bytedeco.pytorch.Tensor;

/**
 * Streaming true-positive, false-positive and false-negative voxel counts per class between the arg-max label map
 * and the target label map, pooled over the whole data set; the score of a class comes from its pooled counts,
 * the mean is over the reported classes, and each sample also gets its own mean score.
 */
abstract class OverlapMetric implements Metric, PerSampleScores {

    private final SegmentationParams params;
    private final int classes;
    private final long[] tp;
    private final long[] fp;
    private final long[] fn;
    private final SampleScoreTable samples = new SampleScoreTable();

    OverlapMetric(SegmentationParams params) {
        this.params = params;
        this.classes = params.numClasses();
        this.tp = new long[classes];
        this.fp = new long[classes];
        this.fn = new long[classes];
    }

    /** The score of one class from its counts; 1 when {@code tp + fp + fn == 0} (empty prediction and target). */
    abstract double score(long tp, long fp, long fn);

    @Override
    public final Direction direction() {
        return Direction.HIGHER_IS_BETTER;
    }

    @Override
    public final void update(Tensor output, Tensor target) {
        update(output, target, null);
    }

    @Override
    public final void update(Tensor output, Tensor target, long[] indices) {
        LabelledBatch batch = LabelledBatch.of(output, target);
        batch.requireClasses(classes, name());
        long[] ids = batch.indices(indices, samples.next());
        long[] stp = new long[classes];
        long[] sfp = new long[classes];
        long[] sfn = new long[classes];
        for (int n = 0; n < batch.samples(); n++) {
            Arrays.fill(stp, 0);
            Arrays.fill(sfp, 0);
            Arrays.fill(sfn, 0);
            for (int p = 0; p < batch.positions(); p++) {
                int t = LabelledBatch.checkLabel(batch.target(n, p), classes);
                int y = batch.argmax(n, p);
                if (t == y) {
                    stp[t]++;
                } else {
                    sfp[y]++;
                    sfn[t]++;
                }
            }
            double sum = 0;
            for (int c = params.firstClass(); c < classes; c++) {
                sum += score(stp[c], sfp[c], sfn[c]);
            }
            samples.put(ids[n], sum / (classes - params.firstClass()));
            MetricSupport.add(tp, stp);
            MetricSupport.add(fp, sfp);
            MetricSupport.add(fn, sfn);
        }
    }

    @Override
    public final Map<String, Double> compute() {
        Map<String, Double> values = new LinkedHashMap<>();
        boolean empty = samples.isEmpty();
        double sum = 0;
        double[] perClass = new double[classes];
        for (int c = params.firstClass(); c < classes; c++) {
            perClass[c] = score(tp[c], fp[c], fn[c]);
            sum += perClass[c];
        }
        values.put(name() + "/mean", empty ? Double.NaN : sum / (classes - params.firstClass()));
        for (int c = params.firstClass(); c < classes; c++) {
            values.put(MetricSupport.classKey(name(), c), empty ? Double.NaN : perClass[c]);
        }
        return values;
    }

    @Override
    public final SortedMap<Long, Double> perSample() {
        return samples.view();
    }

    @Override
    public final String perSampleKey() {
        return name() + "/mean";
    }

    @Override
    public final void reset() {
        Arrays.fill(tp, 0);
        Arrays.fill(fp, 0);
        Arrays.fill(fn, 0);
        samples.clear();
    }

    @Override
    public final void merge(Metric other) {
        OverlapMetric that = MetricSupport.mergeable(this, other, getClass(), params,
                other instanceof OverlapMetric o ? o.params : null);
        MetricSupport.add(tp, that.tp);
        MetricSupport.add(fp, that.fp);
        MetricSupport.add(fn, that.fn);
        samples.merge(that.samples);
    }

    @Override
    public final double[] state() {
        double[] table = new double[samples.stateLength()];
        samples.writeState(table, 0);
        return MetricSupport.concat(toDoubles(tp), toDoubles(fp), toDoubles(fn), table);
    }

    @Override
    public final void loadState(double[] state) {
        for (int c = 0; c < classes; c++) {
            tp[c] = (long) state[c];
            fp[c] = (long) state[classes + c];
            fn[c] = (long) state[2 * classes + c];
        }
        samples.readState(state, 3 * classes);
    }

    private static double[] toDoubles(long[] values) {
        return Arrays.stream(values).asDoubleStream().toArray();
    }
}
