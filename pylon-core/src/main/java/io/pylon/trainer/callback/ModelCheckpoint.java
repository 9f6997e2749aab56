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
import java.util.OptionalDouble;

import io.pylon.config.Default;
import io.pylon.config.InvalidValueException;
import io.pylon.metrics.Direction;
import io.pylon.trainer.EvalResult;
import io.pylon.trainer.StepResult;
import io.pylon.trainer.TrainerView;

/**
 * Saves {@code checkpoints/last.ckpt} at every epoch end and every {@code every_n_steps} steps, and keeps
 * the {@code save_top_k} best checkpoints by {@code monitor} (file names carry epoch, step and value).
 *
 * @param monitor split/metric to rank by, e.g. {@code val/accuracy}
 * @param saveTopK best checkpoints kept (0 = none)
 * @param everyNSteps also save last.ckpt every N optimizer steps (0 = epoch ends only)
 * @param saveLast whether to write last.ckpt at all
 */
public final class ModelCheckpoint implements Callback, Stateful {

    /** Parameters of the {@code model_checkpoint} callback. */
    public record Params(@Default("val/loss") String monitor, @Default("1") int saveTopK,
            @Default("0") long everyNSteps, @Default("true") boolean saveLast) {

        public Params {
            Monitor.parse(monitor, "monitor");
            InvalidValueException.require(saveTopK >= 0, "save_top_k", "must be >= 0, got %d", saveTopK);
            InvalidValueException.require(everyNSteps >= 0, "every_n_steps", "must be >= 0 (0 = off), got %d", everyNSteps);
        }
    }

    private record Saved(String fileName, double value) {
    }

    private final Params params;
    private final Monitor monitor;
    private final List<Saved> best = new ArrayList<>();

    public ModelCheckpoint(Params params) {
        this.params = params;
        this.monitor = Monitor.parse(params.monitor(), "monitor");
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
        train.monitored(monitor.key()).ifPresent(v -> considerBest(trainer, v));
    }

    @Override
    public void onValidationEnd(TrainerView trainer, EvalResult result) {
        if (!result.split().equals("test")) {
            result.monitored(monitor.key()).ifPresent(v -> considerBest(trainer, v));
        }
    }

    private void considerBest(TrainerView trainer, double value) {
        if (params.saveTopK() == 0 || Double.isNaN(value)) {
            return;
        }
        Comparator<Saved> bestFirst = Comparator.comparingDouble(Saved::value);
        if (monitor.direction() == Direction.HIGHER_IS_BETTER) {
            bestFirst = bestFirst.reversed();
        }
        best.sort(bestFirst);
        if (best.size() >= params.saveTopK()
                && !monitor.direction().improves(value, best.get(best.size() - 1).value(), 0)) {
            return;
        }
        var position = trainer.position();
        String fileName = String.format(Locale.ROOT, "best-epoch=%d-step=%d-%s=%.6f.ckpt", position.epoch(),
                position.globalStep(), monitor.fileLabel(), value);
        best.add(new Saved(fileName, value));
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

    /** The best checkpoint so far, if any. */
    public OptionalDouble bestValue() {
        return best.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(best.get(0).value());
    }

    @Override
    public Map<String, Object> state() {
        List<Map<String, Object>> entries = new ArrayList<>();
        for (Saved s : best) {
            entries.add(Map.of("file", s.fileName(), "value", s.value()));
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
            best.add(new Saved((String) entry.get("file"), ((Number) entry.get("value")).doubleValue()));
        }
    }
}
