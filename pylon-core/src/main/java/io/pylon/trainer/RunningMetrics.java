package io.pylon.trainer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bytedeco.pytorch.Tensor;

import io.pylon.metrics.Metric;

/** The mean loss and the configured metrics of one split, accumulated batch by batch. */
final class RunningMetrics {

    private final List<Metric> metrics;
    private double lossSum;
    private long samples;

    RunningMetrics(List<Metric> metrics) {
        this.metrics = metrics;
    }

    void update(Tensor output, Tensor target, double meanLoss, int batchSize) {
        lossSum += meanLoss * batchSize;
        samples += batchSize;
        for (Metric m : metrics) {
            m.update(output, target);
        }
    }

    EvalResult result(String split, LoopState at) {
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("loss", samples == 0 ? Double.NaN : lossSum / samples);
        for (Metric m : metrics) {
            values.putAll(m.compute());
        }
        return new EvalResult(split, at.globalStep(), at.epoch(), values);
    }

    void reset() {
        lossSum = 0;
        samples = 0;
        metrics.forEach(Metric::reset);
    }

    Map<String, Object> state() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("loss_sum", lossSum);
        state.put("samples", samples);
        for (Metric m : metrics) {
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
        lossSum = ((Number) state.get("loss_sum")).doubleValue();
        samples = ((Number) state.get("samples")).longValue();
        for (Metric m : metrics) {
            List<Number> values = (List<Number>) state.get(m.name());
            if (values == null) {
                throw new IllegalArgumentException("checkpoint has no state for metric '" + m.name() + "'");
            }
            m.loadState(values.stream().mapToDouble(Number::doubleValue).toArray());
        }
    }
}
