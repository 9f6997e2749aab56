package io.pylon.data;

/**
 * What a named dataset is opened with (the build context of {@link Datasets#KIND}).
 *
 * @param seed the run's seed; the training loader derives its per-epoch shuffles from it
 */
public record DataRequest(DataConfig config, TransformChains chains, long seed) {
}
