package io.pylon.tune.sampler;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import io.pylon.config.Default;
import io.pylon.config.InvalidValueException;
import io.pylon.tune.space.Param;
import io.pylon.tune.study.Trial;
import io.pylon.tune.study.TrialState;

/**
 * NSGA-II (Deb et al. 2002) for one or several objectives. The first {@code population} trials are random;
 * after that the parents are the best {@code population} complete trials by non-dominated rank and
 * crowding distance (elitist over the whole history, so workers need no generation barrier), two are
 * picked by binary tournament, mixed by uniform crossover with probability {@code crossover_prob}, and
 * each parameter of the child is redrawn with probability {@code mutation_prob} (0 = one over the number
 * of parameters).
 */
public final class Nsga2Sampler implements Sampler {

    public static final String NAME = "nsga2";

    public record Params(@Default("0") long seed, @Default("50") int population, @Default("0.9") double crossoverProb,
            @Default("0.0") double mutationProb) {

        public Params {
            InvalidValueException.require(population >= 2, "population", "must be >= 2, got %d", population);
            InvalidValueException.require(crossoverProb >= 0 && crossoverProb <= 1, "crossover_prob",
                    "must be in [0, 1], got %s", crossoverProb);
            InvalidValueException.require(mutationProb >= 0 && mutationProb <= 1, "mutation_prob",
                    "must be in [0, 1], got %s", mutationProb);
        }
    }

    private final Params params;

    public Nsga2Sampler(Params params) {
        this.params = params;
    }

    @Override
    public Map<String, Object> sample(SamplingContext context) {
        SplittableRandom random = context.random(params.seed());
        List<Trial> complete = context.trials().stream().filter(t -> t.state() == TrialState.COMPLETE
                && t.values().stream().noneMatch(v -> Double.isNaN(v))).toList();
        if (complete.size() < params.population()) {
            return RandomSampler.draw(context.space(), random);
        }
        int objectives = context.directions().size();
        List<Trial> parents = new ArrayList<>();
        Map<Trial, Integer> rank = new HashMap<>();
        Map<Trial, Double> crowding = new HashMap<>();
        int r = 0;
        for (List<Trial> front : ParetoFront.fronts(complete, context.directions())) {
            double[] distance = ParetoFront.crowding(front, objectives);
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < front.size(); i++) {
                order.add(i);
                rank.put(front.get(i), r);
                crowding.put(front.get(i), distance[i]);
            }
            order.sort((a, b) -> Double.compare(distance[b], distance[a]));
            for (int i : order) {
                if (parents.size() < params.population()) {
                    parents.add(front.get(i));
                }
            }
            r++;
            if (parents.size() >= params.population()) {
                break;
            }
        }
        Trial first = tournament(parents, rank, crowding, random);
        Trial second = tournament(parents, rank, crowding, random);
        boolean cross = random.nextDouble() < params.crossoverProb();
        List<Param> space = context.space().params();
        double mutation = params.mutationProb() > 0 ? params.mutationProb() : 1.0 / space.size();
        Map<String, Object> child = new LinkedHashMap<>();
        for (Param p : space) {
            if (!p.activeGiven(child)) {
                continue;
            }
            Trial from = cross && random.nextBoolean() ? second : first;
            Object value = from.params().get(p.name());
            if (value == null) {
                value = (from == first ? second : first).params().get(p.name());
            }
            if (value == null || random.nextDouble() < mutation) {
                value = RandomSampler.uniform(p.distribution(), random);
            }
            child.put(p.name(), value);
        }
        return context.space().keepActive(child);
    }

    private static Trial tournament(List<Trial> parents, Map<Trial, Integer> rank, Map<Trial, Double> crowding,
            SplittableRandom random) {
        Trial a = parents.get(random.nextInt(parents.size()));
        Trial b = parents.get(random.nextInt(parents.size()));
        int c = Integer.compare(rank.get(a), rank.get(b));
        if (c != 0) {
            return c < 0 ? a : b;
        }
        return crowding.get(a) >= crowding.get(b) ? a : b;
    }
}
