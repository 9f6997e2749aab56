/**
 * Losses: the {@link io.pylon.criteria.Criterion} contract, one criterion record per file (its parameters,
 * validated when it is built), and {@link io.pylon.criteria.Criteria}, the registry that builds the loss named in
 * the {@code criterion:} section. Single-output losses: cross_entropy, bce_with_logits, dice, focal, tversky,
 * focal_tversky, topk, mse, l1, smooth_l1. Conventions: multi-class logits are (N, C, *spatial) against int64
 * class indices (N, *spatial); binary losses take logits and {0, 1} float targets of the same shape; every loss
 * returns the mean as a scalar tensor.
 */
package io.pylon.criteria;
