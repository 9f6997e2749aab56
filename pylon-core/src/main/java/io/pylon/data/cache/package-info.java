/**
 * Caches in front of a {@link io.pylon.data.Dataset}: {@link io.pylon.data.cache.MemoryCache} keeps decoded
 * samples in memory under a byte bound, {@link io.pylon.data.cache.DiskCache} keeps the output of the
 * deterministic head of a transform chain on disk across epochs and runs, keyed by the dataset's and the
 * transforms' fingerprints. Both are datasets themselves, so they stack (a memory cache over a disk cache).
 */
package io.pylon.data.cache;
