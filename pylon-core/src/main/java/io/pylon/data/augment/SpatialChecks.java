package io.pylon.data.augment;

import java.util.HashSet;
import java.util.List;
import java.util.SplittableRandom;

import io.pylon.config.InvalidValueException;

/** Validation of the spatial transforms' config values, and the draws they share. */
final class SpatialChecks {

    private SpatialChecks() {
    }

    static void probability(double p, String key) {
        InvalidValueException.require(p >= 0 && p <= 1, key, "must be a probability in [0, 1], got %s", p);
    }

    /** Whether a draw against {@code p} can go either way (so the output depends on the random stream). */
    static boolean uncertain(double p) {
        return p > 0 && p < 1;
    }

    /** A spatial size: 2 or 3 entries, each >= 1. */
    static List<Integer> size(List<Integer> size, String key) {
        List<Integer> copy = List.copyOf(size);
        InvalidValueException.require(copy.size() == 2 || copy.size() == 3, key,
                "must have 2 (H, W) or 3 (D, H, W) entries, got %s", copy);
        for (int s : copy) {
            InvalidValueException.require(s >= 1, key, "entries must be >= 1, got %s", copy);
        }
        return copy;
    }

    /** Spatial axes: each 0, 1 or 2 (0-based among the spatial dimensions), no repeats. */
    static List<Integer> axes(List<Integer> axes, String key) {
        List<Integer> copy = List.copyOf(axes);
        for (int a : copy) {
            InvalidValueException.require(a >= 0 && a <= 2, key,
                    "entries must be spatial axes 0, 1 or 2 (0-based, channels excluded), got %s", copy);
        }
        InvalidValueException.require(new HashSet<>(copy).size() == copy.size(), key, "repeats an axis: %s", copy);
        return copy;
    }

    /** A {@code [min, max]} range of finite values with min <= max inside {@code [lowest, highest]}. */
    static List<Double> range(List<Double> range, String key, double lowest, double highest) {
        List<Double> copy = List.copyOf(range);
        InvalidValueException.require(copy.size() == 2, key, "must be a range [min, max], got %s", copy);
        pairs(copy, key, lowest, highest);
        return copy;
    }

    /** Consecutive {@code [min, max]} pairs, each finite, ordered and inside {@code [lowest, highest]}. */
    static void pairs(List<Double> values, String key, double lowest, double highest) {
        for (int i = 0; i + 1 < values.size(); i += 2) {
            double min = values.get(i);
            double max = values.get(i + 1);
            InvalidValueException.require(Double.isFinite(min) && Double.isFinite(max), key,
                    "must be finite, got %s", values);
            InvalidValueException.require(min <= max, key, "needs min <= max, got %s", values);
            InvalidValueException.require(min >= lowest && max <= highest, key,
                    "must lie in [%s, %s], got %s", lowest, highest, values);
        }
    }

    /** Uniform in {@code [range[at], range[at + 1]]}. */
    static double draw(List<Double> range, int at, SplittableRandom random) {
        double min = range.get(at);
        return min + (range.get(at + 1) - min) * random.nextDouble();
    }

    /** Whether every {@code [min, max]} pair is a single value. */
    static boolean fixed(List<Double> ranges) {
        for (int i = 0; i + 1 < ranges.size(); i += 2) {
            if (!ranges.get(i).equals(ranges.get(i + 1))) {
                return false;
            }
        }
        return true;
    }
}
