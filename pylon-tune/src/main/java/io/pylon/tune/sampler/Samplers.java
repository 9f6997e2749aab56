package io.pylon.tune.sampler;

import io.pylon.registry.ComponentKind;
import io.pylon.registry.ComponentRegistrar;

/**
 * The sampler component kind: {@code tune.sampler: {name: tpe, seed: 0, ...}}. Each sampler is a params record
 * (validated in its constructor, defaults written once) and a factory, registered here once; plugins add more
 * through the same {@link #KIND}.
 */
public final class Samplers {

    public static final ComponentKind<Void, Sampler> KIND = new ComponentKind<>("sampler", Sampler.class);

    private Samplers() {
    }

    public static void registerBuiltIns(ComponentRegistrar r) {
        r.registerSimple(KIND, RandomSampler.NAME, RandomSampler.class, p -> p);
        r.registerSimple(KIND, GridSampler.NAME, GridSampler.class, p -> p);
        r.registerSimple(KIND, TpeSampler.NAME, TpeSampler.Params.class, TpeSampler::new);
        r.registerSimple(KIND, CmaEsSampler.NAME, CmaEsSampler.Params.class, CmaEsSampler::new);
        r.registerSimple(KIND, Nsga2Sampler.NAME, Nsga2Sampler.Params.class, Nsga2Sampler::new);
    }
}
