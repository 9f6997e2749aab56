package io.pylon.models.weights;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.Tensor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.pylon.PylonUserException;
import io.pylon.nn.ModuleTensors;

/**
 * Freezes parameters by {@link NamePattern} (globs over dotted names). A parameter is frozen when a
 * {@code freeze} pattern matches it and no {@code unfreeze} pattern does; every other parameter is made
 * trainable. Apply it before the optimizer is built: the optimizer only takes parameters that require
 * gradients, so a frozen parameter gets no gradient buffer, no optimizer state and no updates.
 */
public final class Freezing {

    private static final Logger LOG = LoggerFactory.getLogger(Freezing.class);

    private Freezing() {
    }

    /**
     * @throws PylonUserException when a pattern matches no parameter (a typo would otherwise silently train
     *     everything), listing the parameter names
     */
    public static FreezeReport apply(Module module, List<String> freeze, List<String> unfreeze) {
        Map<String, Tensor> parameters = ModuleTensors.parameters(module);
        List<NamePattern> freezePatterns = compile(freeze, "freeze", parameters);
        List<NamePattern> unfreezePatterns = compile(unfreeze, "unfreeze", parameters);
        List<String> frozen = new ArrayList<>();
        List<String> trainable = new ArrayList<>();
        parameters.forEach((name, tensor) -> {
            boolean freezeIt = freezePatterns.stream().anyMatch(p -> p.matches(name))
                    && unfreezePatterns.stream().noneMatch(p -> p.matches(name));
            tensor.set_requires_grad(!freezeIt);
            (freezeIt ? frozen : trainable).add(name);
        });
        if (!frozen.isEmpty()) {
            LOG.info("frozen {} of {} parameters: {}", frozen.size(), parameters.size(), frozen);
        }
        return new FreezeReport(frozen, trainable);
    }

    private static List<NamePattern> compile(List<String> texts, String key, Map<String, Tensor> parameters) {
        List<NamePattern> out = new ArrayList<>();
        for (String text : texts) {
            NamePattern pattern = NamePattern.of(text);
            if (parameters.keySet().stream().noneMatch(pattern::matches)) {
                throw new PylonUserException("model." + key + " pattern '" + text + "' matches no parameter (globs"
                        + " match the whole dotted name, * spans dots); parameters are " + parameters.keySet());
            }
            out.add(pattern);
        }
        return out;
    }
}
