package io.pylon.metrics;

/**
 * Bits per character of next-character logits: {@code bpc = (sum CE / tokens) / ln 2}, the mean cross-entropy
 * converted from nats to bits (see {@link CrossEntropyMetric} for shapes and {@code ignore_index}). 0 for a
 * perfect model, {@code log2 C} for a uniform one; NaN before any token.
 */
public final class BitsPerCharacter extends CrossEntropyMetric {

    public BitsPerCharacter(TokenParams params) {
        super(params);
    }

    @Override
    public String name() {
        return "bpc";
    }

    @Override
    double fromMeanCrossEntropy(double mean) {
        return mean / Math.log(2);
    }
}
