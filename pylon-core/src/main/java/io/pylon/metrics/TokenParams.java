package io.pylon.metrics;

import io.pylon.config.Default;

/**
 * Parameters of the metrics computed from the cross-entropy of next-token logits (perplexity, bpc).
 *
 * @param ignoreIndex a target label that is not scored (padding), as cross-entropy's {@code ignore_index}
 */
public record TokenParams(@Default("-100") long ignoreIndex) {
}
