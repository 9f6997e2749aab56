package io.pylon.trainer;

/**
 * A monotonic time source in nanoseconds (Caffeine's {@code Ticker}): the loops and callbacks read time only
 * through it, so tests can drive time instead of sleeping or measuring.
 */
@FunctionalInterface
public interface Ticker {

    /** {@link System#nanoTime()}. */
    Ticker SYSTEM = System::nanoTime;

    long nanos();
}
