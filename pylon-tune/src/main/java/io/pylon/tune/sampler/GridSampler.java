package io.pylon.tune.sampler;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.pylon.config.Default;
import io.pylon.config.InvalidValueException;
import io.pylon.tune.space.Choice;
import io.pylon.tune.space.Distribution;
import io.pylon.tune.space.IntRange;
import io.pylon.tune.space.Param;
import io.pylon.tune.space.SearchSpace;
import io.pylon.tune.study.Trial;

/**
 * Every combination of every choice and {@code points} evenly spaced values of every range (log-spaced for
 * log ranges; an integer range with fewer values takes all of them), in order. Each trial takes the first
 * combination no earlier trial holds; once all are taken the grid starts over.
 */
public record GridSampler(@Default("5") int points) implements Sampler {

    public static final String NAME = "grid";

    public GridSampler {
        InvalidValueException.require(points >= 2, "points", "must be >= 2, got %d", points);
    }

    @Override
    public Map<String, Object> sample(SamplingContext context) {
        List<Map<String, Object>> grid = grid(context.space());
        Set<Map<String, Object>> taken = new HashSet<>();
        for (Trial t : context.trials()) {
            taken.add(t.params());
        }
        for (Map<String, Object> point : grid) {
            if (!taken.contains(point)) {
                return point;
            }
        }
        return grid.get(context.number() % grid.size());
    }

    List<Map<String, Object>> grid(SearchSpace space) {
        List<Map<String, Object>> combinations = new ArrayList<>();
        combinations.add(new LinkedHashMap<>());
        for (Param p : space.params()) {
            List<Map<String, Object>> next = new ArrayList<>();
            for (Map<String, Object> partial : combinations) {
                if (!p.activeGiven(partial)) {
                    next.add(partial);
                    continue;
                }
                for (Object value : values(p.distribution())) {
                    Map<String, Object> extended = new LinkedHashMap<>(partial);
                    extended.put(p.name(), value);
                    next.add(extended);
                }
            }
            combinations = next;
        }
        return combinations;
    }

    private List<Object> values(Distribution d) {
        if (d instanceof Choice c) {
            return c.options();
        }
        if (d instanceof IntRange i && !i.log() && i.high() - i.low() + 1 <= points) {
            List<Object> all = new ArrayList<>();
            for (long v = i.low(); v <= i.high(); v++) {
                all.add(v);
            }
            return all;
        }
        // the ends of the internal range widen an integer range by 0.5; step inside the real bounds instead
        double low = d instanceof IntRange ? d.internalLow() + 0.5 : d.internalLow();
        double high = d instanceof IntRange ? d.internalHigh() - 0.5 : d.internalHigh();
        if (d instanceof IntRange i && i.log()) {
            low = Math.log(i.low());
            high = Math.log(i.high());
        }
        List<Object> values = new ArrayList<>();
        for (int k = 0; k < points; k++) {
            Object v = d.toExternal(low + (high - low) * k / (points - 1));
            if (v instanceof Double x) {
                // exp(log(...)) leaves float noise (0.010000000000000004); grid points should read as written
                v = new BigDecimal(x).round(new MathContext(12)).doubleValue();
            }
            if (!values.contains(v)) {
                values.add(v);
            }
        }
        return values;
    }
}
