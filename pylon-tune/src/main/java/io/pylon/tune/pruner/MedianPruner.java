package io.pylon.tune.pruner;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import io.pylon.config.Default;
import io.pylon.config.InvalidValueException;
import io.pylon.metrics.Direction;
import io.pylon.tune.study.Trial;
import io.pylon.tune.study.TrialState;

/**
 * Stops a trial whose best value so far is worse than the median of the complete trials' values at the
 * same step. Waits for {@code startup_trials} complete trials and {@code warmup_steps} steps of the trial.
 */
public record MedianPruner(@Default("5") int startupTrials, @Default("0") int warmupSteps) implements Pruner {

    public static final String NAME = "median";

    public MedianPruner {
        InvalidValueException.require(startupTrials >= 0, "startup_trials", "must be >= 0, got %d", startupTrials);
        InvalidValueException.require(warmupSteps >= 0, "warmup_steps", "must be >= 0, got %d", warmupSteps);
    }

    @Override
    public boolean prune(PruningContext context) {
        if (Double.isNaN(context.value())) {
            return true;
        }
        if (context.step() <= warmupSteps || context.completeCount() < startupTrials) {
            return false;
        }
        Direction direction = context.direction();
        List<Double> others = new ArrayList<>();
        for (Trial t : context.trials()) {
            Double v = t.intermediate().get(context.step());
            if (t.state() == TrialState.COMPLETE && v != null && !Double.isNaN(v)) {
                others.add(v);
            }
        }
        if (others.isEmpty()) {
            return false;
        }
        Collections.sort(others);
        int n = others.size();
        double median = n % 2 == 1 ? others.get(n / 2) : 0.5 * (others.get(n / 2 - 1) + others.get(n / 2));
        double best = direction.worst();
        for (double v : context.trial().intermediate().headMap(context.step() + 1).values()) {
            if (!Double.isNaN(v) && direction.compare(v, best) > 0) {
                best = v;
            }
        }
        return direction.compare(best, median) < 0;
    }
}
