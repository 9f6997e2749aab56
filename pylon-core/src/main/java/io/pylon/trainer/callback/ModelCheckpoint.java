package io.pylon.trainer.callback;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.pylon.config.Default;
import io.pylon.config.InvalidValueException;
import io.pylon.metrics.BestSelector;
import io.pylon.metrics.MetricDirections;
import io.pylon.metrics.Monitoring;
import io.pylon.trainer.EvalResult;
import io.pylon.trainer.StepResult;
import io.pylon.trainer.TrainerView;

/**
 * Saves {@code checkpoints/last.ckpt} at every epoch end and every {@code every_n_steps} steps, and keeps
 * the {@code save_top_k} best checkpoints (file names carry epoch, step and the first monitor's value).
 * "Best" is judged on {@code monitor}, or on all of {@code monitors} at once with {@link BestSelector}'s
 * order (Pareto dominance, ties and incomparables decided by the monitors in listed order).
 *
 * @param monitor split/metric to rank by, e.g. {@code val/accuracy}
 * @param monitors several split/metric keys ranked together; when given, {@code monitor} is ignored
 * @param saveTopK best checkpoints kept (0 = none)
 * @param everyNSteps also save last.ckpt every N optimizer steps (0 = epoch ends only)
 * @param saveLast whether to write last.ckpt at all
 */
public final class ModelCheckpoint implements Callback, Stateful {

    /** Parameters of the {@code model_checkpoint} callback. */
    public record Params(@Default("val/loss") String monitor, @Default("[]") List<String> monitors,
            @Default("1") int saveTopK, @Default("0") long everyNSteps, @Default("true") boolean saveLast) implements Monitoring {

        public Params {
            monitors = List.copyOf(monitors);
            Monitor.checkShape(monitor, "monitor");
            for (int i = 0; i < monitors.size(); i++) {
                Monitor.checkShape(monitors.get(i), "monitors." + i);
            }
            InvalidValueException.require(saveTopK >= 0, "save_top_k", "must be >= 0, got %d", saveTopK);
            InvalidValueException.require(everyNSteps >= 0, "every_n_steps", "must be >= 0 (0 = off), got %d", everyNSteps);
        }

        public Params(String monitor, int saveTopK, long everyNSteps, boolean saveLast) {
            this(monitor, List.of(), saveTopK, everyNSteps, saveLast);
        }

        List<String> ranked() {
            return monitors.isEmpty() ? List.of(monitor) : monitors;
        }

        @Override
        public List<MonitorKey> monitorKeys() {
            if (monitors.isEmpty()) {
                return List.of(new MonitorKey(monitor, "monitor"));
            }
            List<MonitorKey> keys = new ArrayList<>();
            for (int i = 0; i < monitors.size(); i++) {
                keys.add(new MonitorKey(monitors.get(i), "monitors." + i));
            }
            return keys;
        }
    }

    private record Saved(String fileName, Map<String, Double> values) {
    }

    private final Params params;
    private final BestSelector selector;
    private final List<Saved> best = new ArrayList<>();

    /** @param directions the directions of the run's metrics, where the monitors' are read */
    public ModelCheckpoint(Params params, MetricDirections directions) {
        this.params = params;
        this.selector = new BestSelector(params.ranked(), directions);
    }

    @Override
    public String name() {
        return "model_checkpoint";
    }

    @Override
    public void onTrainBatchEnd(TrainerView trainer, StepResult step) {
        if (params.saveLast() && params.everyNSteps() > 0 && step.globalStep() % params.everyNSteps() == 0) {
            trainer.saveCheckpoint(trainer.runDirectory().lastCheckpoint());
        }
    }

    @Override
    public void onEpochEnd(TrainerView trainer, EvalResult train) {
        if (params.saveLast()) {
            trainer.saveCheckpoint(trainer.runDirectory().lastCheckpoint());
        }
        considerBest(trainer, train);
    }

    @Override
    public void onValidationEnd(TrainerView trainer, EvalResult result) {
        if (!result.split().equals("test")) {
            considerBest(trainer, result);
        }
    }

    private void considerBest(TrainerView trainer, EvalResult result) {
        Map<String, Double> values = new LinkedHashMap<>();
        for (String key : selector.monitors()) {
            result.monitored(key).ifPresent(v -> values.put(key, v));
        }
        if (params.saveTopK() == 0 || values.isEmpty() || values.values().stream().allMatch(v -> v.isNaN())) {
            return;
        }
        Comparator<Saved> bestFirst = (a, b) -> selector.compare(b.values(), a.values());
        best.sort(bestFirst);
        if (best.size() >= params.saveTopK() && selector.compare(values, best.get(best.size() - 1).values()) <= 0) {
            return;
        }
        var position = trainer.position();
        String first = selector.monitors().get(0);
        String fileName = String.format(Locale.ROOT, "best-epoch=%d-step=%d-%s=%.6f.ckpt", position.epoch(),
                position.globalStep(), first.replace('/', '_'), values.getOrDefault(first, Double.NaN));
        best.add(new Saved(fileName, values));
        best.sort(bestFirst);
        Path folder = trainer.runDirectory().checkpoints();
        while (best.size() > params.saveTopK()) {
            delete(folder.resolve(best.remove(best.size() - 1).fileName()));
        }
        if (best.stream().anyMatch(s -> s.fileName().equals(fileName))) {
            trainer.saveCheckpoint(folder.resolve(fileName));
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete superseded checkpoint " + file + ": " + e.getMessage(), e);
        }
    }

    /** The monitored values of the best checkpoint so far, if any. */
    public Optional<Map<String, Double>> bestValues() {
        return best.isEmpty() ? Optional.empty() : Optional.of(best.get(0).values());
    }

    @Override
    public Map<String, Object> state() {
        List<Map<String, Object>> entries = new ArrayList<>();
        for (Saved s : best) {
            Map<String, Object> values = new LinkedHashMap<>();
            s.values().forEach((k, v) -> values.put(k, Double.toString(v)));
            entries.add(Map.of("file", s.fileName(), "values", values));
        }
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("best", entries);
        return state;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void loadState(Map<String, Object> state) {
        best.clear();
        for (Map<String, Object> entry : (List<Map<String, Object>>) state.getOrDefault("best", List.of())) {
            Map<String, Double> values = new LinkedHashMap<>();
            ((Map<String, Object>) entry.get("values")).forEach((k, v) -> values.put(k, Double.parseDouble((String) v)));
            best.add(new Saved((String) entry.get("file"), values));
        }
    }
}
