package io.pylon.data.transform;

import java.util.SplittableRandom;

import io.pylon.data.Sample;

/**
 * A per-sample transform (preprocessing or augmentation), run by loader worker threads on plain Java
 * arrays. Randomness comes only from the {@code random} argument, which the loader seeds from
 * (seed, epoch, sample index): so a sample's augmentation is the same whatever thread runs it, however
 * many threads there are, and after a resume.
 *
 * <p>Implementations are records of validated parameters; they must be thread-safe (one instance serves
 * every worker) and must not modify the arrays of the sample they are given.
 */
@FunctionalInterface
public interface Transform {

    /** Returns the transformed sample. */
    Sample apply(Sample sample, SplittableRandom random);

    /**
     * Whether the output depends on {@code random}. Deterministic transforms at the head of a chain can be
     * applied once and cached on disk; random ones run every epoch.
     */
    default boolean isRandom() {
        return true;
    }

    /**
     * A stable description of this transform and its parameters, part of the disk cache key: it must change
     * when the output would. Records give one through {@code toString()} as long as their components print
     * their values (lists, not arrays).
     */
    default String fingerprint() {
        return toString();
    }
}
