package io.pylon.models.gpt;

/** Sees the tokens {@link Gpt#generate} makes, as they are made (to stream them). */
@FunctionalInterface
public interface TokenListener {

    /** Nothing to see. */
    TokenListener NONE = tokens -> { };

    /** One new token per prompt row. */
    void onTokens(long[] tokens);
}
