package io.pylon.tune.pruner;

/**
 * Decides, after a running trial reported its objective at a step (epochs trained), whether it should stop.
 * Like samplers, pruners keep no state: the decision is a function of the stored trials, so workers in
 * separate processes prune consistently.
 */
public interface Pruner {

    boolean prune(PruningContext context);
}
