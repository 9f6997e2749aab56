package io.pylon.optim;

import java.util.List;

/**
 * What one parameter group will hold before it is flattened.
 *
 * @param name a readable label ({@code "decay"}, {@code "no_decay"}, {@code "lr[backbone].decay"})
 * @param parameters its parameters, in module order
 * @param lrMultiplier this group's learning rate is the scheduled base rate times this
 * @param weightDecay the group's weight decay (0 for biases and norm weights)
 */
public record GroupSpec(String name, List<NamedParameter> parameters, double lrMultiplier, double weightDecay) {

    public GroupSpec {
        parameters = List.copyOf(parameters);
        if (parameters.isEmpty()) {
            throw new IllegalArgumentException("parameter group '" + name + "' is empty");
        }
        if (!(lrMultiplier > 0)) {
            throw new IllegalArgumentException("group '" + name + "': lr multiplier must be > 0, got " + lrMultiplier);
        }
        if (!(weightDecay >= 0)) {
            throw new IllegalArgumentException("group '" + name + "': weight decay must be >= 0, got " + weightDecay);
        }
    }
}
