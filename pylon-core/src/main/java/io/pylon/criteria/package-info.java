/** Losses: one criterion per file, chosen by name in the {@code criterion:} section. */
package io.pylon.criteria;
