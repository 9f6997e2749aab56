package io.pylon.optim;

import java.util.List;

import io.pylon.models.Model;
import io.pylon.registry.Registry;

/** Creates the configured optimizer for a model. */
public final class Optimizers {

    private static final Registry<OptimizerFactory> REGISTRY = new Registry<OptimizerFactory>("optimizer")
            .register("sgd", (config, groups) -> new SgdOptimizer(groups, config.lr(), config.sgdSettings()))
            .register("adam", (config, groups) -> new AdamOptimizer(groups, config.lr(), config.adamSettings(),
                    AdamOptimizer.Decay.L2))
            .register("adamw", (config, groups) -> new AdamOptimizer(groups, config.lr(), config.adamSettings(),
                    AdamOptimizer.Decay.DECOUPLED));

    private Optimizers() {
    }

    /** The optimizer registry; plugins may add names. */
    public static Registry<OptimizerFactory> registry() {
        return REGISTRY;
    }

    /**
     * Builds {@code config.name()} over the trainable parameters of {@code model}, re-pointing them into flat
     * buffers. Call it after the model has been moved to its device and dtype.
     *
     * @throws io.pylon.registry.UnknownNameException for an unknown name, listing the known ones
     */
    public static Optimizer create(OptimConfig config, Model model) {
        OptimizerFactory factory = REGISTRY.get(config.name());
        List<GroupSpec> groups = ParameterGrouping.split(ParameterGrouping.trainable(model.module()), config);
        return factory.create(config, groups);
    }
}
