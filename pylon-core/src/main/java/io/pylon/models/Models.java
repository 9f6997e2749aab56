package io.pylon.models;

import java.util.Set;

import io.pylon.data.DataSpec;
import io.pylon.engine.Engine;
import io.pylon.models.gpt.Gpt;
import io.pylon.models.gpt.GptParams;
import io.pylon.plugin.Plugins;
import io.pylon.registry.Registry;

/**
 * Models by name. The trainer asks {@link #paramsType} for the record to bind the {@code model:} config
 * section to (minus its {@code name} key), then calls {@link #create} with the bound record.
 */
public final class Models {

    private static final Registry<ModelFactory<?>> REGISTRY = new Registry<ModelFactory<?>>("model")
            .register("mlp", new ModelFactory<>(MlpParams.class, Mlp::new))
            .register("cnn", new ModelFactory<>(CnnParams.class, Cnn::new))
            .register("gpt", new ModelFactory<>(GptParams.class, Gpt::new))
            .register("resnet", new ModelFactory<>(ResNetParams.class, ResNet::new))
            .register("unet2d", new ModelFactory<>(UNetParams.class, (p, s) -> UNet.create(p, s, 2)))
            .register("unet3d", new ModelFactory<>(UNetParams.class, (p, s) -> UNet.create(p, s, 3)))
            .register("rsunet3d", new ModelFactory<>(RSUNetParams.class, RSUNet::new));

    private Models() {
    }

    /**
     * Builds model {@code name}, its weights initialised from libtorch's generator (seed it first with
     * {@link io.pylon.engine.Seeds#seed} for reproducible weights).
     *
     * @param params an instance of {@code paramsType(name)}
     * @throws io.pylon.registry.UnknownNameException for an unknown name (the message lists the known ones)
     */
    public static Model create(String name, Object params, DataSpec spec) {
        Plugins.loadOnce();
        ModelFactory<?> factory = REGISTRY.get(name);
        Engine.start();
        try {
            return factory.create(params, spec);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("model '" + name + "': " + e.getMessage(), e);
        }
    }

    /** The params record type of model {@code name}. */
    public static Class<? extends Record> paramsType(String name) {
        Plugins.loadOnce();
        return REGISTRY.get(name).paramsType();
    }

    /** Adds a model (plugins); a name can be registered once. */
    public static void register(String name, ModelFactory<?> factory) {
        REGISTRY.register(name, factory);
    }

    public static Set<String> names() {
        Plugins.loadOnce();
        return REGISTRY.names();
    }
}
