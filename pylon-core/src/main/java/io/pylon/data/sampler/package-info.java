/**
 * Sample orders: sequential, seeded random, weighted, and sharded across distributed ranks; each a pure
 * function of (seed, epoch).
 */
package io.pylon.data.sampler;
