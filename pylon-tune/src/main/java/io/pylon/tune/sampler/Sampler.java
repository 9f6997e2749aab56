package io.pylon.tune.sampler;

import java.util.Map;

import io.pylon.tune.space.SearchSpace;

/**
 * Proposes the parameters of the next trial from the trials so far. A sampler keeps no state between
 * calls: everything it knows comes from the stored trials, so any number of workers in any number of
 * processes share one search, and a seed makes trial {@code n}'s proposal depend only on the study.
 */
public interface Sampler {

    /** Parameters for trial {@code context.number()}: active ones only, values as {@link io.pylon.tune.space.Distribution#toExternal}. */
    Map<String, Object> sample(SamplingContext context);

    /** Refuses a space or objective count this sampler cannot search; called before any trial runs. */
    default void check(SearchSpace space, int objectives) {
    }
}
