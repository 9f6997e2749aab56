package io.pylon.trainer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch.ScalarType;

import io.pylon.engine.StepScope;
import io.pylon.metrics.AsyncMetricBuffer;
import io.pylon.metrics.Metric;

/**
 * The mean loss and the configured metrics of one split. The loss is summed on the device (an in-place add
 * per batch, no host synchronisation) and read when the result is; metric updates go through an
 * {@link AsyncMetricBuffer}, so the step does not wait for them, and are read back with a flush.
 */
final class RunningMetrics implements AutoCloseable {

    /** Batches that may wait for the metric thread before the training loop blocks (bounded memory). */
    private static final int QUEUE_CAPACITY = 4;

    private final AsyncMetricBuffer buffer;
    /** Sum of loss x batch size on the device since the last reset; null until the first batch. */
    private Tensor deviceLossSum;
    /** The part of the sum restored from a checkpoint (host side). */
    private double restoredLossSum;
    private long samples;

    RunningMetrics(List<Metric> metrics) {
        this.buffer = new AsyncMetricBuffer(metrics, QUEUE_CAPACITY);
    }

    /** {@code meanLoss} is the batch's scalar loss tensor; {@code scope} the batch's step scope. */
    void update(Tensor output, Tensor target, long[] indices, Tensor meanLoss, int batchSize, StepScope scope) {
        // summed in float64, as the host-side double sum it replaces
        Tensor weighted = meanLoss.detach().to(ScalarType.Double).mul(new Scalar((double) batchSize));
        if (deviceLossSum == null) {
            deviceLossSum = scope.keep(weighted);
        } else {
            deviceLossSum.add_(weighted);
        }
        samples += batchSize;
        if (!buffer.metrics().isEmpty()) {
            buffer.submit(output, target, indices);
        }
    }

    EvalResult result(String split, LoopState at) {
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("loss", samples == 0 ? Double.NaN : lossSum() / samples);
        values.putAll(buffer.flush());
        return new EvalResult(split, at.globalStep(), at.epoch(), values);
    }

    /** Per-sample scores of the metrics that keep them (after the metric queue drained). */
    Map<String, Map<Long, Double>> perSample() {
        return buffer.perSample();
    }

    private double lossSum() {
        return restoredLossSum + (deviceLossSum == null ? 0 : deviceLossSum.item_double());
    }

    void reset() {
        releaseLossSum();
        restoredLossSum = 0;
        samples = 0;
        buffer.reset();
    }

    Map<String, Object> state() {
        buffer.flush();
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("loss_sum", lossSum());
        state.put("samples", samples);
        for (Metric m : buffer.metrics()) {
            List<Double> values = new ArrayList<>();
            for (double v : m.state()) {
                values.add(v);
            }
            state.put(m.name(), values);
        }
        return state;
    }

    @SuppressWarnings("unchecked")
    void loadState(Map<String, Object> state) {
        buffer.reset();
        releaseLossSum();
        restoredLossSum = ((Number) state.get("loss_sum")).doubleValue();
        samples = ((Number) state.get("samples")).longValue();
        for (Metric m : buffer.metrics()) {
            List<Number> values = (List<Number>) state.get(m.name());
            if (values == null) {
                throw new IllegalArgumentException("checkpoint has no state for metric '" + m.name() + "'");
            }
            m.loadState(values.stream().mapToDouble(Number::doubleValue).toArray());
        }
    }

    private void releaseLossSum() {
        if (deviceLossSum != null) {
            deviceLossSum.close();
            deviceLossSum = null;
        }
    }

    @Override
    public void close() {
        releaseLossSum();
        buffer.close();
    }
}
