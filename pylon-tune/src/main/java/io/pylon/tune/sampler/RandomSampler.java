package io.pylon.tune.sampler;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

import io.pylon.config.Default;
import io.pylon.tune.space.Distribution;
import io.pylon.tune.space.Param;
import io.pylon.tune.space.SearchSpace;

/** Independent uniform draws (uniform in the logarithm for log ranges); the baseline every search must beat. */
public record RandomSampler(@Default("0") long seed) implements Sampler {

    public static final String NAME = "random";

    @Override
    public Map<String, Object> sample(SamplingContext context) {
        return draw(context.space(), context.random(seed));
    }

    /** One uniform draw of every active parameter. */
    static Map<String, Object> draw(SearchSpace space, SplittableRandom random) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Param p : space.params()) {
            if (p.activeGiven(values)) {
                values.put(p.name(), uniform(p.distribution(), random));
            }
        }
        return values;
    }

    static Object uniform(Distribution d, SplittableRandom random) {
        if (d.categorical()) {
            return d.toExternal(random.nextInt((int) d.internalHigh() + 1));
        }
        return d.toExternal(d.internalLow() + random.nextDouble() * (d.internalHigh() - d.internalLow()));
    }
}
