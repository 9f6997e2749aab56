package io.pylon.trainer;

import java.util.Map;
import java.util.OptionalDouble;

/**
 * Metrics of one split, with loss, at a point in training.
 *
 * @param split train, val or test
 * @param values metric name -> value (always holds "loss")
 */
public record EvalResult(String split, long globalStep, int epoch, Map<String, Double> values) {

    public EvalResult {
        values = Map.copyOf(values);
    }

    /** The value of a monitor key such as {@code val/accuracy}, if it belongs to this split. */
    public OptionalDouble monitored(String monitorKey) {
        int slash = monitorKey.indexOf('/');
        if (slash < 0 || !monitorKey.substring(0, slash).equals(split)) {
            return OptionalDouble.empty();
        }
        Double v = values.get(monitorKey.substring(slash + 1));
        return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
    }
}
