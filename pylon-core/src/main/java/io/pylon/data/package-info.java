/**
 * Datasets and the loaders that batch them. A loader's epoch order is a pure function of (seed, epoch),
 * computed in Java rather than by libtorch's generator, so that it neither depends on the thread count
 * nor consumes random numbers the model's initialisation and dropout would otherwise see; this is what
 * makes a resumed run see exactly the batches an uninterrupted one would.
 *
 * <p>{@link io.pylon.data.Datasets#open} is the entry point: it looks the configured dataset up by name
 * and returns the train, val and test loaders with the {@link io.pylon.data.DataSpec} models are sized
 * from.
 */
package io.pylon.data;
