package io.pylon.tune.space;

import java.util.List;
import java.util.Map;

/**
 * One searched hyperparameter: a config key path, its distribution and, for a conditional parameter,
 * the values of an earlier choice under which it exists ({@code when: {optim.name: sgd}}).
 *
 * @param when parent parameter name -> options of that parent that activate this one; empty = always
 */
public record Param(String name, Distribution distribution, Map<String, List<Object>> when) {

    public Param {
        when = Map.copyOf(when);
    }

    /** Whether this parameter exists given the values sampled so far for the parameters before it. */
    public boolean activeGiven(Map<String, Object> sampled) {
        for (Map.Entry<String, List<Object>> condition : when.entrySet()) {
            Object parent = sampled.get(condition.getKey());
            if (parent == null || !condition.getValue().contains(Choice.normalize(parent))) {
                return false;
            }
        }
        return true;
    }

    public boolean conditional() {
        return !when.isEmpty();
    }
}
