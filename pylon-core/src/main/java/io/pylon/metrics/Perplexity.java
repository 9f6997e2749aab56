package io.pylon.metrics;

/**
 * Perplexity of next-token logits: {@code exp(sum CE / tokens)}, the exponential of the mean cross-entropy in nats
 * over the scored tokens (see {@link CrossEntropyMetric} for shapes and {@code ignore_index}). 1 for a perfect
 * model, C for a uniform one over C classes; NaN before any token.
 */
public final class Perplexity extends CrossEntropyMetric {

    public Perplexity(TokenParams params) {
        super(params);
    }

    @Override
    public String name() {
        return "perplexity";
    }

    @Override
    double fromMeanCrossEntropy(double mean) {
        return Math.exp(mean);
    }
}
