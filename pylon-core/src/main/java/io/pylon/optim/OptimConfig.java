package io.pylon.optim;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import io.pylon.config.Default;
import io.pylon.config.InvalidValueException;

/**
 * The {@code optimizer:} config section.
 *
 * @param name registered optimizer name: {@code sgd}, {@code adam} or {@code adamw}
 * @param lr base learning rate, > 0
 * @param weightDecay weight decay of the decayed group, >= 0 (L2 for sgd and adam, decoupled for adamw)
 * @param momentum SGD momentum, in [0, 1)
 * @param dampening SGD dampening, in [0, 1]
 * @param nesterov SGD Nesterov momentum (needs momentum > 0 and dampening 0)
 * @param betas Adam(W) [beta1, beta2], each in [0, 1)
 * @param eps Adam(W) denominator epsilon, > 0
 * @param amsgrad Adam(W) AMSGrad variant
 * @param noDecay regular expressions (found anywhere in the dotted parameter name) of parameters that get
 *     no weight decay, on top of the built-in rule that parameters with at most one dimension (biases, norm
 *     weights) never decay
 * @param lrMultipliers regular expression -> learning-rate multiplier (> 0) for the parameters whose name it
 *     finds, e.g. {@code {"^backbone\\.": 0.1}}; a parameter matched by two patterns is an error
 */
public record OptimConfig(
        @Default("adamw") String name,
        @Default("0.001") double lr,
        @Default("0.0") double weightDecay,
        @Default("0.9") double momentum,
        @Default("0.0") double dampening,
        @Default("false") boolean nesterov,
        @Default("[0.9, 0.999]") List<Double> betas,
        @Default("1e-8") double eps,
        @Default("false") boolean amsgrad,
        @Default("[]") List<String> noDecay,
        @Default("{}") Map<String, Double> lrMultipliers) {

    public OptimConfig {
        InvalidValueException.require(name != null && !name.isBlank(), "name", "must name an optimizer (sgd, adam, adamw)");
        InvalidValueException.require(lr > 0 && Double.isFinite(lr), "lr", "must be > 0, got %s", lr);
        InvalidValueException.require(weightDecay >= 0 && Double.isFinite(weightDecay), "weight_decay",
                "must be >= 0, got %s", weightDecay);
        InvalidValueException.require(momentum >= 0 && momentum < 1, "momentum", "must be in [0, 1), got %s", momentum);
        InvalidValueException.require(dampening >= 0 && dampening <= 1, "dampening", "must be in [0, 1], got %s", dampening);
        InvalidValueException.require(!nesterov || (momentum > 0 && dampening == 0), "nesterov",
                "needs momentum > 0 and dampening 0, got momentum %s and dampening %s", momentum, dampening);
        InvalidValueException.require(betas != null && betas.size() == 2, "betas",
                "must be two numbers [beta1, beta2], got %s", betas);
        for (Double beta : betas) {
            InvalidValueException.require(beta != null && beta >= 0 && beta < 1, "betas",
                    "each beta must be in [0, 1), got %s", betas);
        }
        InvalidValueException.require(eps > 0 && Double.isFinite(eps), "eps", "must be > 0, got %s", eps);
        noDecay = List.copyOf(noDecay);
        for (String pattern : noDecay) {
            requireRegex(pattern, "no_decay");
        }
        // Copied in order (Map.copyOf would not keep it) so group names come out in the order written.
        Map<String, Double> multipliers = new LinkedHashMap<>();
        for (Map.Entry<String, Double> e : lrMultipliers.entrySet()) {
            requireRegex(e.getKey(), "lr_multipliers");
            Double m = e.getValue();
            InvalidValueException.require(m != null && m > 0 && Double.isFinite(m), "lr_multipliers",
                    "multiplier of '%s' must be > 0, got %s", e.getKey(), m);
            multipliers.put(e.getKey(), m);
        }
        lrMultipliers = Collections.unmodifiableMap(multipliers);
        betas = List.copyOf(betas);
    }

    /** The defaults with another optimizer name and learning rate. */
    public static OptimConfig of(String name, double lr) {
        return new OptimConfig(name, lr, 0.0, 0.9, 0.0, false, List.of(0.9, 0.999), 1e-8, false, List.of(), Map.of());
    }

    public OptimConfig withWeightDecay(double value) {
        return new OptimConfig(name, lr, value, momentum, dampening, nesterov, betas, eps, amsgrad, noDecay, lrMultipliers);
    }

    public OptimConfig withSgd(double newMomentum, double newDampening, boolean newNesterov) {
        return new OptimConfig(name, lr, weightDecay, newMomentum, newDampening, newNesterov, betas, eps, amsgrad,
                noDecay, lrMultipliers);
    }

    public OptimConfig withAdam(double beta1, double beta2, double newEps, boolean newAmsgrad) {
        return new OptimConfig(name, lr, weightDecay, momentum, dampening, nesterov, List.of(beta1, beta2), newEps,
                newAmsgrad, noDecay, lrMultipliers);
    }

    public OptimConfig withGrouping(List<String> newNoDecay, Map<String, Double> newLrMultipliers) {
        return new OptimConfig(name, lr, weightDecay, momentum, dampening, nesterov, betas, eps, amsgrad, newNoDecay,
                newLrMultipliers);
    }

    public SgdSettings sgdSettings() {
        return new SgdSettings(momentum, dampening, nesterov);
    }

    public AdamSettings adamSettings() {
        return new AdamSettings(betas.get(0), betas.get(1), eps, amsgrad);
    }

    private static void requireRegex(String pattern, String key) {
        InvalidValueException.require(pattern != null && !pattern.isEmpty(), key, "patterns must not be empty");
        try {
            Pattern.compile(pattern);
        } catch (PatternSyntaxException e) {
            throw new InvalidValueException(key, "'" + pattern + "' is not a valid regular expression: "
                    + e.getDescription());
        }
    }
}
