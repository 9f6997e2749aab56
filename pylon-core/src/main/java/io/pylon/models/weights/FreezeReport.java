package io.pylon.models.weights;

import java.util.List;

/**
 * The outcome of {@link Freezing#apply}.
 *
 * @param frozen parameters now excluded from training (requires_grad false)
 * @param trainable parameters that still train
 */
public record FreezeReport(List<String> frozen, List<String> trainable) {

    public FreezeReport {
        frozen = List.copyOf(frozen);
        trainable = List.copyOf(trainable);
    }
}
