package io.pylon.data;

/**
 * Opens one named dataset. Registered in {@link Datasets}, so a new dataset plugs in without the
 * trainer knowing about it.
 */
@FunctionalInterface
public interface DatasetFactory {

    /**
     * Loads the data and builds its loaders.
     *
     * @param seed the run's seed; the training loader derives its per-epoch shuffles from it
     */
    DataSplits open(DataConfig config, long seed);
}
