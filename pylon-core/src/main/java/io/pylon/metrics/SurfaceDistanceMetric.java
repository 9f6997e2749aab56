package io.pylon.metrics;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;

import org.bytedeco.pytorch.Tensor;

/**
 * A distance between the surfaces of the predicted (arg-max) and target masks of each class, computed per sample
 * and class, then averaged: {@code name/class_c} is the mean over samples, {@code name/mean} the mean over the
 * reported classes, and each sample's per-sample score is its mean over the reported classes.
 *
 * <p>Degenerate masks: a class absent from both prediction and target scores 0 (nothing to miss); a class present
 * in only one of them scores the diagonal of the volume, {@code sqrt(sum_i (D_i s_i)^2)}, which is larger than
 * any distance inside it. A single-voxel object is its own surface. No value is NaN once a sample has been seen.
 */
abstract class SurfaceDistanceMetric implements Metric, PerSampleScores {

    private final SurfaceParams params;
    private final int classes;
    private final double[] classSums;
    private long sampleCount;
    private final SampleScoreTable samples = new SampleScoreTable();

    SurfaceDistanceMetric(SurfaceParams params) {
        this.params = params;
        this.classes = params.numClasses();
        this.classSums = new double[classes];
    }

    /** The score from the directed distances of the prediction's surface to the target's and back (non-empty). */
    abstract double score(double[] predToTarget, double[] targetToPred);

    @Override
    public final Direction direction() {
        return Direction.LOWER_IS_BETTER;
    }

    @Override
    public final void update(Tensor output, Tensor target) {
        update(output, target, null);
    }

    @Override
    public final void update(Tensor output, Tensor target, long[] indices) {
        LabelledBatch batch = LabelledBatch.of(output, target);
        batch.requireClasses(classes, name());
        int[] dims = Arrays.stream(batch.rest()).mapToInt(Math::toIntExact).toArray();
        if (dims.length != 2 && dims.length != 3) {
            throw new IllegalArgumentException(name() + " needs 2 or 3 spatial dimensions, got "
                    + Arrays.toString(dims));
        }
        double[] spacing = spacing(dims.length);
        double diagonal = SurfaceDistances.diagonal(dims, spacing);
        long[] ids = batch.indices(indices, samples.next());
        int positions = batch.positions();
        for (int n = 0; n < batch.samples(); n++) {
            int[] predicted = new int[positions];
            int[] truth = new int[positions];
            for (int p = 0; p < positions; p++) {
                predicted[p] = batch.argmax(n, p);
                truth[p] = LabelledBatch.checkLabel(batch.target(n, p), classes);
            }
            double sum = 0;
            for (int c = params.firstClass(); c < classes; c++) {
                double value = classScore(predicted, truth, c, dims, spacing, diagonal);
                classSums[c] += value;
                sum += value;
            }
            samples.put(ids[n], sum / (classes - params.firstClass()));
            sampleCount++;
        }
    }

    private double classScore(int[] predicted, int[] truth, int c, int[] dims, double[] spacing, double diagonal) {
        boolean[] a = new boolean[predicted.length];
        boolean[] b = new boolean[truth.length];
        boolean anyA = false;
        boolean anyB = false;
        for (int p = 0; p < predicted.length; p++) {
            a[p] = predicted[p] == c;
            b[p] = truth[p] == c;
            anyA |= a[p];
            anyB |= b[p];
        }
        if (!anyA && !anyB) {
            return 0.0;
        }
        if (!anyA || !anyB) {
            return diagonal;
        }
        boolean[] surfaceA = SurfaceDistances.surface(a, dims);
        boolean[] surfaceB = SurfaceDistances.surface(b, dims);
        return score(SurfaceDistances.directed(surfaceA, surfaceB, dims, spacing),
                SurfaceDistances.directed(surfaceB, surfaceA, dims, spacing));
    }

    private double[] spacing(int rank) {
        if (params.spacing().isEmpty()) {
            double[] ones = new double[rank];
            Arrays.fill(ones, 1.0);
            return ones;
        }
        if (params.spacing().size() != rank) {
            throw new IllegalArgumentException(name() + " has " + params.spacing().size()
                    + " spacings but the masks have " + rank + " spatial dimensions");
        }
        return params.spacing().stream().mapToDouble(Double::doubleValue).toArray();
    }

    @Override
    public final Map<String, Double> compute() {
        Map<String, Double> values = new LinkedHashMap<>();
        double sum = 0;
        for (int c = params.firstClass(); c < classes; c++) {
            sum += classSums[c];
        }
        int reported = classes - params.firstClass();
        values.put(name() + "/mean", sampleCount == 0 ? Double.NaN : sum / reported / sampleCount);
        for (int c = params.firstClass(); c < classes; c++) {
            values.put(MetricSupport.classKey(name(), c), sampleCount == 0 ? Double.NaN : classSums[c] / sampleCount);
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
        Arrays.fill(classSums, 0);
        sampleCount = 0;
        samples.clear();
    }

    @Override
    public final void merge(Metric other) {
        SurfaceDistanceMetric that = MetricSupport.mergeable(this, other, getClass(), params,
                other instanceof SurfaceDistanceMetric s ? s.params : null);
        for (int c = 0; c < classes; c++) {
            classSums[c] += that.classSums[c];
        }
        sampleCount += that.sampleCount;
        samples.merge(that.samples);
    }

    @Override
    public final double[] state() {
        double[] table = new double[samples.stateLength()];
        samples.writeState(table, 0);
        return MetricSupport.concat(classSums, new double[] {sampleCount}, table);
    }

    @Override
    public final void loadState(double[] state) {
        System.arraycopy(state, 0, classSums, 0, classes);
        sampleCount = (long) state[classes];
        samples.readState(state, classes + 1);
    }
}
