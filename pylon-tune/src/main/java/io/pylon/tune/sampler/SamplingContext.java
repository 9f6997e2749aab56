package io.pylon.tune.sampler;

import java.util.List;
import java.util.SplittableRandom;

import io.pylon.metrics.Direction;
import io.pylon.tune.space.SearchSpace;
import io.pylon.tune.study.Trial;

/**
 * What a sampler sees: the space, the objectives' directions, every trial asked before (running ones
 * included) and the number of the trial being sampled.
 */
public record SamplingContext(SearchSpace space, List<Direction> directions, List<Trial> trials, int number) {

    public SamplingContext {
        directions = List.copyOf(directions);
        trials = List.copyOf(trials);
    }

    /** A generator that depends only on the sampler's seed and the trial number (not on thread or worker). */
    public SplittableRandom random(long seed) {
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + number * 0xBF58476D1CE4E5B9L + 0x94D049BB133111EBL);
    }
}
