package io.pylon.tune.pruner;

/** Never stops a trial (the default). */
public record NoPruner() implements Pruner {

    public static final String NAME = "none";

    @Override
    public boolean prune(PruningContext context) {
        return false;
    }
}
