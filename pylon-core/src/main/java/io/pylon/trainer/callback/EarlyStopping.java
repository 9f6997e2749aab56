package io.pylon.trainer.callback;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.pylon.config.Default;
import io.pylon.config.InvalidValueException;
import io.pylon.metrics.MetricDirections;
import io.pylon.metrics.Monitoring;
import io.pylon.trainer.EvalResult;
import io.pylon.trainer.TrainerView;

/**
 * Stops training when {@code monitor} has not improved by more than {@code min_delta} for
 * {@code patience} consecutive evaluations. The direction comes from the metric.
 */
public final class EarlyStopping implements Callback, Stateful {

    /** Parameters of the {@code early_stopping} callback. */
    public record Params(@Default("val/loss") String monitor, @Default("3") int patience,
            @Default("0.0") double minDelta) implements Monitoring {

        public Params {
            Monitor.checkShape(monitor, "monitor");
            InvalidValueException.require(patience >= 1, "patience", "must be >= 1, got %d", patience);
            InvalidValueException.require(minDelta >= 0, "min_delta", "must be >= 0, got %s", minDelta);
        }

        @Override
        public List<MonitorKey> monitorKeys() {
            return List.of(new MonitorKey(monitor, "monitor"));
        }
    }

    private final Params params;
    private final Monitor monitor;
    private double best;
    private int badEvaluations;

    /** @param directions the directions of the run's metrics, where the monitor's is read */
    public EarlyStopping(Params params, MetricDirections directions) {
        this.params = params;
        this.monitor = Monitor.of(params.monitor(), directions);
        this.best = monitor.direction().worst();
    }

    @Override
    public String name() {
        return "early_stopping";
    }

    @Override
    public void onValidationEnd(TrainerView trainer, EvalResult result) {
        if (result.split().equals("test")) {
            return;
        }
        result.monitored(monitor.key()).ifPresent(value -> {
            if (monitor.direction().improves(value, best, params.minDelta())) {
                best = value;
                badEvaluations = 0;
            } else if (++badEvaluations >= params.patience()) {
                trainer.requestStop(String.format("early stopping: %s did not improve on %.6g for %d evaluations",
                        monitor.key(), best, badEvaluations));
            }
        });
    }

    @Override
    public Map<String, Object> state() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("best", Double.toString(best));
        state.put("bad_evaluations", badEvaluations);
        return state;
    }

    @Override
    public void loadState(Map<String, Object> state) {
        best = Double.parseDouble((String) state.get("best"));
        badEvaluations = ((Number) state.get("bad_evaluations")).intValue();
    }
}
