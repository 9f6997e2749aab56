package io.pylon.criteria.composite;

import java.util.Map;
import java.util.Optional;

import org.bytedeco.pytorch.Module;

import io.pylon.criteria.Criterion;

/**
 * A criterion with parameters of its own (e.g. learnable loss weights) that the optimizer must update along
 * with the model's, and weights worth logging.
 */
public interface TrainableCriterion extends Criterion {

    /** The module holding the learnable parameters, or empty if this instance learns nothing. */
    Optional<Module> parameters();

    /** The current effective weight of each term by its label, for logging. */
    Map<String, Double> weights();
}
