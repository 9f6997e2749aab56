package io.pylon.models.gpt;

import io.pylon.config.Default;
import io.pylon.config.InvalidValueException;

/**
 * How {@link Sampler} turns next-token logits into a token. The filters apply in the order of the fields:
 * logits are divided by the temperature, then only the {@code topK} most likely tokens are kept, then only the
 * smallest set of most likely tokens whose probability reaches {@code topP}, and one token is drawn from what is
 * left. {@code topK = 1} or a tiny {@code topP} is greedy decoding.
 *
 * @param temperature divisor of the logits, > 0: below 1 sharpens the distribution, above 1 flattens it
 * @param topK keep the k most likely tokens, >= 0; 0 switches the filter off
 * @param topP nucleus sampling mass, in (0, 1]; 1 switches the filter off
 * @param seed seed of the sampler's own generator: the same seed gives the same text whatever the global RNG
 */
public record SamplingParams(
        @Default("1.0") double temperature,
        @Default("0") int topK,
        @Default("1.0") double topP,
        @Default("0") long seed) {

    public SamplingParams {
        InvalidValueException.require(temperature > 0 && Double.isFinite(temperature), "temperature",
                "must be > 0 and finite, got %s (use top_k: 1 for greedy decoding)", temperature);
        InvalidValueException.require(topK >= 0, "top_k", "must be >= 0 (0 = off), got %d", topK);
        InvalidValueException.require(topP > 0 && topP <= 1, "top_p", "must be in (0, 1] (1 = off), got %s", topP);
    }

    /** Plain sampling from the model's distribution (temperature 1, no filters). */
    public static SamplingParams seeded(long seed) {
        return new SamplingParams(1.0, 0, 1.0, seed);
    }

    /** Always the most likely token. */
    public static SamplingParams greedy() {
        return new SamplingParams(1.0, 1, 1.0, 0);
    }
}
