package io.pylon.tune.study;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One trial of a study as stored.
 *
 * @param number       0, 1, 2 ... in the order trials were asked for, unique within the study
 * @param params       parameter name -> value (Double, Long, String, Boolean); only active parameters
 * @param values       one value per objective once complete, else empty
 * @param intermediate step -> objective value reported while running (what pruners read)
 * @param retryOf      number of the failed trial this one repeats, or -1
 */
public record Trial(long id, int number, TrialState state, Map<String, Object> params, List<Double> values,
        SortedMap<Integer, Double> intermediate, int retryOf, long startedMillis, long finishedMillis,
        String runDirectory) {

    public Trial {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        values = List.copyOf(values);
        intermediate = Collections.unmodifiableSortedMap(new TreeMap<>(intermediate));
    }

    /** The value of the single objective, if complete. */
    public OptionalDouble value() {
        return values.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(values.getFirst());
    }

    /** The last intermediate value (a pruned trial's best guess of where it stood). */
    public OptionalDouble lastIntermediate() {
        return intermediate.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(intermediate.get(intermediate.lastKey()));
    }
}
