package io.pylon.tune.pruner;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.function.IntPredicate;

import io.pylon.config.Default;
import io.pylon.config.InvalidValueException;
import io.pylon.metrics.Direction;
import io.pylon.tune.study.Trial;

/**
 * Asynchronous successive halving (ASHA, Li et al. 2020). Rung {@code k} sits at step
 * {@code min_resource * reduction_factor^(min_early_stopping_rate + k)}; a trial reaching a rung goes on only
 * if its value there is among the best {@code 1 / reduction_factor} of all values recorded at that rung so far
 * (the first trial at a rung always goes on). No trial waits for others, so workers never idle.
 */
public record SuccessiveHalvingPruner(@Default("1") int minResource, @Default("3") int reductionFactor,
        @Default("0") int minEarlyStoppingRate) implements Pruner {

    public static final String NAME = "asha";

    public SuccessiveHalvingPruner {
        InvalidValueException.require(minResource >= 1, "min_resource", "must be >= 1, got %d", minResource);
        InvalidValueException.require(reductionFactor >= 2, "reduction_factor", "must be >= 2, got %d", reductionFactor);
        InvalidValueException.require(minEarlyStoppingRate >= 0, "min_early_stopping_rate", "must be >= 0, got %d",
                minEarlyStoppingRate);
    }

    @Override
    public boolean prune(PruningContext context) {
        return prune(context, number -> true);
    }

    /** Prunes against the trials that {@code competes} accepts (Hyperband: those of the same bracket). */
    boolean prune(PruningContext context, IntPredicate competes) {
        if (Double.isNaN(context.value())) {
            return true;
        }
        for (int rung = 0; ; rung++) {
            long rungStep = (long) minResource * (long) Math.pow(reductionFactor, minEarlyStoppingRate + rung);
            if (rungStep > context.step()) {
                return false;
            }
            // a rung is judged once: at the first report at or after it, which is this one
            if (PruningContext.stepFrom(context.trial(), (int) rungStep) != context.step()) {
                continue;
            }
            if (!promotable(context, (int) rungStep, competes)) {
                return true;
            }
        }
    }

    private boolean promotable(PruningContext context, int rungStep, IntPredicate competes) {
        List<Double> competing = new ArrayList<>();
        for (Trial t : context.trials()) {
            if (t.number() == context.trial().number() || !competes.test(t.number())) {
                continue;
            }
            OptionalDouble v = PruningContext.valueFrom(t, rungStep);
            if (v.isPresent() && !Double.isNaN(v.getAsDouble())) {
                competing.add(v.getAsDouble());
            }
        }
        double value = context.value();
        competing.add(value);
        Direction direction = context.direction();
        competing.sort((a, b) -> direction.compare(b, a));
        int index = Math.max(0, competing.size() / reductionFactor - 1);
        return direction.compare(value, competing.get(index)) >= 0;
    }
}
