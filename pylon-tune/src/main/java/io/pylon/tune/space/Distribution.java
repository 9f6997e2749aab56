package io.pylon.tune.space;

/**
 * The values one hyperparameter may take. Samplers work on an internal real line: a float range as is
 * (or its logarithm), an integer range widened by half a step on each side, a choice as its index.
 */
public sealed interface Distribution permits FloatRange, IntRange, Choice {

    /** Lower end of the internal range. */
    double internalLow();

    /** Upper end of the internal range. */
    double internalHigh();

    /** The internal value of an external one (as stored in a trial). */
    double toInternal(Object value);

    /** The external value (Double, Long or the choice itself) of an internal one, clipped into range. */
    Object toExternal(double internal);

    /** Whether samplers treat this as unordered categories. */
    default boolean categorical() {
        return false;
    }
}
