package io.pylon.tune.sampler;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

import io.pylon.PylonUserException;
import io.pylon.config.Default;
import io.pylon.config.InvalidValueException;
import io.pylon.metrics.Direction;
import io.pylon.tune.space.Distribution;
import io.pylon.tune.space.Param;
import io.pylon.tune.space.SearchSpace;
import io.pylon.tune.study.Trial;

/**
 * Tree-structured Parzen Estimator (Bergstra et al. 2011): the trials so far are split into the best
 * {@code gamma(n) = min(ceil(0.1 n), 25)} and the rest; a Parzen estimator l(x) is fitted to the first,
 * g(x) to the second, and of {@code candidates} draws from l the one maximising {@code log l(x) - log g(x)}
 * is proposed. Multivariate (Falkner et al. 2018) models the unconditional parameters jointly; a
 * conditional parameter is always modelled on its own, from the trials in which it existed.
 * With {@code constant_liar}, running trials count as the worst trials so far, so parallel workers
 * spread out instead of proposing the same point.
 */
public final class TpeSampler implements Sampler {

    public static final String NAME = "tpe";

    /**
     * @param startupTrials random trials before the model is used (complete or pruned ones counted)
     * @param candidates    draws from l(x) scored per proposal
     * @param multivariate  model unconditional parameters jointly
     * @param constantLiar  running trials count as the worst so far
     */
    public record Params(@Default("0") long seed, @Default("10") int startupTrials, @Default("24") int candidates,
            @Default("true") boolean multivariate, @Default("true") boolean constantLiar) {

        public Params {
            InvalidValueException.require(startupTrials >= 1, "startup_trials", "must be >= 1, got %d", startupTrials);
            InvalidValueException.require(candidates >= 1, "candidates", "must be >= 1, got %d", candidates);
        }
    }

    private final Params params;

    public TpeSampler(Params params) {
        this.params = params;
    }

    @Override
    public void check(SearchSpace space, int objectives) {
        if (objectives != 1) {
            throw new PylonUserException("the tpe sampler optimises one objective; for " + objectives
                    + " objectives use sampler: {name: nsga2}");
        }
    }

    @Override
    public Map<String, Object> sample(SamplingContext context) {
        SplittableRandom random = context.random(params.seed());
        if (Ranking.finishedCount(context.trials()) < params.startupTrials()) {
            return RandomSampler.draw(context.space(), random);
        }
        Direction direction = context.directions().getFirst();
        List<Trial> ranked = Ranking.bestFirst(context.trials(), direction, params.constantLiar());
        SearchSpace space = context.space();
        Map<String, Object> values = new LinkedHashMap<>();
        List<Param> joint = params.multivariate()
                ? space.params().stream().filter(p -> !p.conditional()).toList() : List.of();
        if (!joint.isEmpty()) {
            double[] best = propose(joint, ranked, random);
            for (int k = 0; k < joint.size(); k++) {
                values.put(joint.get(k).name(), joint.get(k).distribution().toExternal(best[k]));
            }
        }
        Set<String> done = joint.stream().map(Param::name).collect(Collectors.toSet());
        for (Param p : space.params()) {
            if (!done.contains(p.name()) && p.activeGiven(values)) {
                values.put(p.name(), p.distribution().toExternal(propose(List.of(p), ranked, random)[0]));
            }
        }
        return space.keepActive(values);
    }

    /** The best of {@code candidates} draws from l(x) for {@code group}, from trials that hold every parameter of it. */
    private double[] propose(List<Param> group, List<Trial> ranked, SplittableRandom random) {
        List<Trial> observed = ranked.stream()
                .filter(t -> group.stream().allMatch(p -> t.params().containsKey(p.name()))).toList();
        int below = Math.min((int) Math.ceil(0.1 * observed.size()), 25);
        List<Distribution> dims = group.stream().map(Param::distribution).toList();
        ParzenEstimator good = estimator(dims, group, observed.subList(0, below));
        ParzenEstimator bad = estimator(dims, group, observed.subList(below, observed.size()));
        double[][] candidates = good.sample(random, params.candidates());
        double[] best = candidates[0];
        double bestScore = Double.NEGATIVE_INFINITY;
        for (double[] candidate : candidates) {
            double score = good.logDensity(candidate) - bad.logDensity(candidate);
            if (score > bestScore) {
                bestScore = score;
                best = candidate;
            }
        }
        return best;
    }

    private ParzenEstimator estimator(List<Distribution> dims, List<Param> group, List<Trial> trials) {
        // chronological order, so that the ramp of weights favours recent trials
        List<Trial> ordered = new ArrayList<>(trials);
        ordered.sort((a, b) -> Integer.compare(a.number(), b.number()));
        double[][] observations = new double[ordered.size()][group.size()];
        for (int j = 0; j < ordered.size(); j++) {
            for (int k = 0; k < group.size(); k++) {
                observations[j][k] = dims.get(k).toInternal(ordered.get(j).params().get(group.get(k).name()));
            }
        }
        return new ParzenEstimator(dims, observations, weights(ordered.size()), params.multivariate() && group.size() > 1);
    }

    /** Optuna's default weights: flat for the 25 newest trials, a ramp from 1/n for older ones. */
    static double[] weights(int n) {
        double[] w = new double[n];
        int flat = Math.min(n, 25);
        int ramp = n - flat;
        for (int i = 0; i < n; i++) {
            w[i] = i < ramp ? (ramp == 1 ? 1.0 / n : 1.0 / n + (1 - 1.0 / n) * i / (ramp - 1)) : 1.0;
        }
        return w;
    }
}
