package io.pylon.tune.pruner;

import io.pylon.config.Default;
import io.pylon.config.InvalidValueException;

/**
 * Hyperband (Li et al. 2018) over ASHA: {@code floor(log_eta(max_resource / min_resource)) + 1} brackets, bracket
 * {@code s} a successive-halving pruner with early-stopping rate {@code s}; trials are dealt to brackets by
 * number in proportion to each bracket's Hyperband budget and compete only within their bracket.
 *
 * @param maxResource the steps a full trial trains (0 = the trainer's max_epochs)
 */
public record HyperbandPruner(@Default("1") int minResource, @Default("0") int maxResource,
        @Default("3") int reductionFactor) implements Pruner {

    public static final String NAME = "hyperband";

    public HyperbandPruner {
        InvalidValueException.require(minResource >= 1, "min_resource", "must be >= 1, got %d", minResource);
        InvalidValueException.require(maxResource == 0 || maxResource >= minResource, "max_resource",
                "must be 0 (the trainer's max_epochs) or >= min_resource, got %d", maxResource);
        InvalidValueException.require(reductionFactor >= 2, "reduction_factor", "must be >= 2, got %d", reductionFactor);
    }

    /** This pruner with {@code max_resource} filled in when it was left 0. */
    public HyperbandPruner withDefaultMaxResource(int steps) {
        return maxResource > 0 ? this : new HyperbandPruner(minResource, Math.max(steps, minResource), reductionFactor);
    }

    int brackets() {
        int resource = Math.max(maxResource, minResource);
        return (int) Math.floor(Math.log((double) resource / minResource) / Math.log(reductionFactor) + 1e-9) + 1;
    }

    /** Bracket of trial {@code number}: a deterministic deal weighted by {@code eta^(n-1-s) / (n - s)}. */
    int bracket(int number) {
        int n = brackets();
        double[] budget = new double[n];
        double total = 0;
        for (int s = 0; s < n; s++) {
            budget[s] = Math.pow(reductionFactor, n - 1 - s) / (n - s);
            total += budget[s];
        }
        // golden-ratio sequence: evenly spread, the same in every process
        double u = (number * 0.6180339887498949) % 1.0;
        double cumulative = 0;
        for (int s = 0; s < n; s++) {
            cumulative += budget[s] / total;
            if (u < cumulative) {
                return s;
            }
        }
        return n - 1;
    }

    @Override
    public boolean prune(PruningContext context) {
        int bracket = bracket(context.trial().number());
        SuccessiveHalvingPruner halving = new SuccessiveHalvingPruner(minResource, reductionFactor, bracket);
        return halving.prune(context, number -> bracket(number) == bracket);
    }
}
