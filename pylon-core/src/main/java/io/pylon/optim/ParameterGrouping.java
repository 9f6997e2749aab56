package io.pylon.optim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.StringTensorDict;
import org.bytedeco.pytorch.StringTensorDictItem;
import org.bytedeco.pytorch.Tensor;

/**
 * Splits a model's trainable parameters into groups by (learning-rate multiplier, weight decay).
 * Parameters with at most one dimension (biases, norm weights) and those matching a {@code no_decay}
 * pattern get weight decay 0; {@code lr_multipliers} patterns pick a group's multiplier. Groups keep the
 * order in which their first parameter appears in the module.
 */
public final class ParameterGrouping {

    private ParameterGrouping() {
    }

    /** The trainable parameters of {@code module}, by dotted name, in registration order. */
    public static List<NamedParameter> trainable(Module module) {
        StringTensorDict dict = module.named_parameters(true);
        List<NamedParameter> out = new ArrayList<>();
        for (long i = 0; i < dict.size(); i++) {
            StringTensorDictItem item = dict.get(i);
            // A new handle on the same TensorImpl: set_data on it re-points the module's own parameter,
            // and it stays valid after the dictionary is freed.
            Tensor handle = new Tensor(item.value());
            if (handle.requires_grad()) {
                out.add(new NamedParameter(item.key().getString(), handle));
            }
        }
        return List.copyOf(out);
    }

    /** Group specs for {@code parameters} under the grouping rules of {@code config}. */
    public static List<GroupSpec> split(List<NamedParameter> parameters, OptimConfig config) {
        if (parameters.isEmpty()) {
            throw new IllegalArgumentException("the model has no trainable parameters to optimize");
        }
        List<Pattern> noDecay = config.noDecay().stream().map(Pattern::compile).toList();
        Map<Pattern, Double> multipliers = new LinkedHashMap<>();
        config.lrMultipliers().forEach((k, v) -> multipliers.put(Pattern.compile(k), v));

        Map<String, List<NamedParameter>> members = new LinkedHashMap<>();
        Map<String, double[]> settings = new LinkedHashMap<>();
        for (NamedParameter p : parameters) {
            Pattern multiplierPattern = multiplierPattern(p.name(), multipliers);
            double multiplier = multiplierPattern == null ? 1.0 : multipliers.get(multiplierPattern);
            boolean decays = config.weightDecay() > 0 && p.tensor().dim() > 1
                    && noDecay.stream().noneMatch(pattern -> pattern.matcher(p.name()).find());
            String name = (multiplierPattern == null ? "" : "lr[" + multiplierPattern.pattern() + "].")
                    + (decays ? "decay" : "no_decay");
            members.computeIfAbsent(name, k -> new ArrayList<>()).add(p);
            settings.putIfAbsent(name, new double[] {multiplier, decays ? config.weightDecay() : 0.0});
        }
        List<GroupSpec> specs = new ArrayList<>();
        members.forEach((name, params) -> {
            double[] s = settings.get(name);
            specs.add(new GroupSpec(name, params, s[0], s[1]));
        });
        return List.copyOf(specs);
    }

    private static Pattern multiplierPattern(String name, Map<Pattern, Double> multipliers) {
        Pattern found = null;
        for (Pattern pattern : multipliers.keySet()) {
            if (pattern.matcher(name).find()) {
                if (found != null) {
                    throw new IllegalArgumentException("parameter '" + name + "' matches two lr_multipliers patterns, '"
                            + found.pattern() + "' and '" + pattern.pattern() + "'; make them exclusive");
                }
                found = pattern;
            }
        }
        return found;
    }
}
