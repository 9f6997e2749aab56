package io.pylon.tune.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

import io.pylon.trainer.EvalResult;
import io.pylon.trainer.TrainerView;
import io.pylon.trainer.callback.Callback;
import io.pylon.tune.study.Study;
import io.pylon.tune.study.Trial;

/**
 * The trial's side of the trainer: after each validation it reports the objective at the step (epochs
 * trained) to the study, and when the pruner says so it asks the trainer to stop (cleanly: the epoch's
 * checkpoint is still written).
 */
final class ObjectiveReporter implements Callback {

    private final Study study;
    private final Trial trial;
    private final List<String> objectives;
    private final Map<String, Double> last = new LinkedHashMap<>();
    private int prunedAt = -1;

    ObjectiveReporter(Study study, Trial trial, List<String> objectives) {
        this.study = study;
        this.trial = trial;
        this.objectives = List.copyOf(objectives);
    }

    @Override
    public String name() {
        return "tune_objective";
    }

    @Override
    public void onValidationEnd(TrainerView trainer, EvalResult result) {
        if (!result.split().equals("val")) {
            return;
        }
        for (String key : objectives) {
            OptionalDouble value = result.monitored(key);
            if (value.isPresent()) {
                last.put(key, value.getAsDouble());
            }
        }
        OptionalDouble primary = result.monitored(objectives.getFirst());
        if (primary.isEmpty()) {
            return;
        }
        int step = trainer.position().epoch() + 1;
        if (study.report(trial, step, primary.getAsDouble()) && prunedAt < 0) {
            prunedAt = step;
            trainer.requestStop("pruned by the study's pruner at step " + step + " (" + objectives.getFirst() + " = "
                    + primary.getAsDouble() + ")");
        }
    }

    boolean pruned() {
        return prunedAt >= 0;
    }

    /** The last value of every objective, or empty when one was never reported. */
    List<Double> finalValues() {
        List<Double> values = new ArrayList<>();
        for (String key : objectives) {
            Double v = last.get(key);
            if (v == null) {
                return List.of();
            }
            values.add(v);
        }
        return values;
    }
}
