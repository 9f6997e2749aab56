package io.pylon.optim;

import java.util.List;
import java.util.Map;

import io.pylon.config.Binder;
import io.pylon.config.ScalarNode;
import io.pylon.models.Model;
import io.pylon.registry.Component;
import io.pylon.registry.ComponentKind;
import io.pylon.registry.ComponentRegistrar;
import io.pylon.registry.UnknownNameException;

/**
 * The optimizer kind: the {@code optim:} section names an optimizer; the rest binds to {@link OptimConfig}
 * (learning rate, weight decay, parameter groups and the optimizer's own settings). An optimizer is built over
 * the trainable parameters of the model it is given.
 */
public final class Optimizers {

    public static final ComponentKind<Model, Optimizer> KIND = new ComponentKind<>("optimizer", Optimizer.class);

    private static final Map<String, OptimizerFactory> BUILT_INS = Map.of(
            "sgd", (config, groups) -> new SgdOptimizer(groups, config.lr(), config.sgdSettings()),
            "adam", (config, groups) -> new AdamOptimizer(groups, config.lr(), config.adamSettings()),
            "adamw", (config, groups) -> new AdamWOptimizer(groups, config.lr(), config.adamSettings()));

    private Optimizers() {
    }

    /** Registers sgd, adam and adamw; their params are an {@link OptimConfig} carrying the chosen name. */
    public static void registerBuiltIns(ComponentRegistrar r) {
        BUILT_INS.forEach((name, factory) -> r.add(new Component<>(KIND, name, OptimConfig.class,
                (section, keyPath, binder) -> Binder.bind(section.with("name", new ScalarNode(name, section.origin())),
                        keyPath, OptimConfig.class),
                (OptimConfig config, Model model) -> build(factory, config, model), List.of())));
    }

    /**
     * Builds built-in optimizer {@code config.name()} over the trainable parameters of {@code model}, re-pointing
     * them into flat buffers. Call it after the model has been moved to its device and dtype. (Configs reach
     * plugin optimizers too, through {@link #KIND}.)
     *
     * @throws UnknownNameException for a name that is not built in
     */
    public static Optimizer create(OptimConfig config, Model model) {
        OptimizerFactory factory = BUILT_INS.get(config.name());
        if (factory == null) {
            throw new UnknownNameException("optimizer", config.name(), BUILT_INS.keySet().stream().sorted().toList());
        }
        return build(factory, config, model);
    }

    private static Optimizer build(OptimizerFactory factory, OptimConfig config, Model model) {
        List<GroupSpec> groups = ParameterGrouping.split(ParameterGrouping.trainable(model.module()), config);
        return factory.create(config, groups);
    }
}
