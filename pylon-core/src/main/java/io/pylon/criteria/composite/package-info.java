/**
 * Losses built from other losses: {@link io.pylon.criteria.composite.CombinedLoss} (fixed, scheduled or
 * learnable term weights), {@link io.pylon.criteria.composite.BoundaryLoss} (with the exact signed distance
 * transform of {@link io.pylon.geometry.DistanceTransform}),
 * {@link io.pylon.criteria.composite.DeepSupervisionLoss} and {@link io.pylon.criteria.composite.MultiTaskLoss};
 * {@link io.pylon.criteria.composite.CompositeCriteria} builds them from config.
 */
package io.pylon.criteria.composite;
