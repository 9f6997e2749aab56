package io.pylon.tune.sampler;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import io.pylon.PylonUserException;
import io.pylon.config.Default;
import io.pylon.config.InvalidValueException;
import io.pylon.metrics.Direction;
import io.pylon.tune.space.Distribution;
import io.pylon.tune.space.Param;
import io.pylon.tune.space.SearchSpace;
import io.pylon.tune.study.Trial;
import io.pylon.tune.study.TrialState;

/**
 * CMA-ES (Hansen's covariance matrix adaptation) on the unit cube that the space's ranges map onto.
 * Stateless, like every sampler: the complete trials, in number order and cut into generations of
 * {@code population}, are replayed through the standard update (weighted recombination, cumulative
 * step-size adaptation, rank-one and rank-mu covariance updates) each time a trial is asked for.
 * For ranges only (integers are rounded), one objective.
 */
public final class CmaEsSampler implements Sampler {

    public static final String NAME = "cmaes";

    /**
     * @param sigma0     initial step size on the unit cube
     * @param population trials per generation; 0 = {@code 4 + floor(3 ln d)}
     */
    public record Params(@Default("0") long seed, @Default("0.2") double sigma0, @Default("0") int population) {

        public Params {
            InvalidValueException.require(sigma0 > 0 && sigma0 <= 1, "sigma0", "must be in (0, 1], got %s", sigma0);
            InvalidValueException.require(population == 0 || population >= 2, "population",
                    "must be 0 (automatic) or >= 2, got %d", population);
        }
    }

    private final Params params;

    public CmaEsSampler(Params params) {
        this.params = params;
    }

    @Override
    public void check(SearchSpace space, int objectives) {
        if (!space.numericAndFlat()) {
            throw new PylonUserException("the cmaes sampler searches ranges only; this space has choices or"
                    + " conditional parameters: use sampler: {name: tpe}");
        }
        if (objectives != 1) {
            throw new PylonUserException("the cmaes sampler optimises one objective; use sampler: {name: nsga2}");
        }
    }

    @Override
    public Map<String, Object> sample(SamplingContext context) {
        List<Param> space = context.space().params();
        int d = space.size();
        int lambda = params.population() > 0 ? params.population() : 4 + (int) Math.floor(3 * Math.log(d));
        Direction direction = context.directions().getFirst();
        CmaState state = new CmaState(d, lambda, params.sigma0());
        List<Trial> complete = context.trials().stream().filter(t -> t.state() == TrialState.COMPLETE).toList();
        for (int g = 0; (g + 1) * lambda <= complete.size(); g++) {
            List<Trial> generation = complete.subList(g * lambda, (g + 1) * lambda);
            double[][] points = new double[lambda][];
            double[] losses = new double[lambda];
            for (int i = 0; i < lambda; i++) {
                points[i] = unit(space, generation.get(i));
                double v = generation.get(i).values().getFirst();
                losses[i] = Double.isNaN(v) ? Double.POSITIVE_INFINITY
                        : direction == Direction.HIGHER_IS_BETTER ? -v : v;
            }
            state.update(points, losses);
        }
        SplittableRandom random = context.random(params.seed());
        double[] x = state.sample(random);
        Map<String, Object> values = new LinkedHashMap<>();
        for (int k = 0; k < d; k++) {
            Distribution dist = space.get(k).distribution();
            values.put(space.get(k).name(), dist.toExternal(dist.internalLow() + x[k] * (dist.internalHigh() - dist.internalLow())));
        }
        return values;
    }

    private static double[] unit(List<Param> space, Trial trial) {
        double[] x = new double[space.size()];
        for (int k = 0; k < x.length; k++) {
            Distribution dist = space.get(k).distribution();
            double internal = dist.toInternal(trial.params().get(space.get(k).name()));
            x[k] = (internal - dist.internalLow()) / (dist.internalHigh() - dist.internalLow());
        }
        return x;
    }

}
