package io.pylon.tune.space;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.pylon.tune.Json;

/**
 * The parameters of a study in declaration order; a conditional parameter comes after the choice it
 * depends on. {@link #canonical} is what storage compares to refuse a study reused with another space.
 */
public record SearchSpace(List<Param> params) {

    public SearchSpace {
        params = List.copyOf(params);
        if (params.isEmpty()) {
            throw new IllegalArgumentException("a search space needs at least one parameter");
        }
    }

    public Param param(String name) {
        for (Param p : params) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        throw new IllegalArgumentException("no parameter " + name);
    }

    /** Whether every parameter is a continuous or integer range without conditions (CMA-ES, NSGA-II grids). */
    public boolean numericAndFlat() {
        return params.stream().noneMatch(p -> p.conditional() || p.distribution().categorical());
    }

    /**
     * The parameters active for a full assignment: those whose conditions hold. A value for an inactive
     * parameter is dropped, so that samplers can propose every parameter and this keeps only the valid ones.
     */
    public Map<String, Object> keepActive(Map<String, Object> proposed) {
        Map<String, Object> active = new LinkedHashMap<>();
        for (Param p : params) {
            if (p.activeGiven(active) && proposed.containsKey(p.name())) {
                active.put(p.name(), proposed.get(p.name()));
            }
        }
        return active;
    }

    /** A stable text of the space (JSON) that two processes compute identically for the same space. */
    public String canonical() {
        Map<String, Object> all = new LinkedHashMap<>();
        for (Param p : params) {
            Map<String, Object> d = new LinkedHashMap<>();
            switch (p.distribution()) {
                case FloatRange f -> {
                    d.put(f.log() ? "log_uniform" : "uniform", List.of(f.low(), f.high()));
                }
                case IntRange i -> {
                    d.put(i.log() ? "log_int" : "int", List.of(i.low(), i.high()));
                }
                case Choice c -> d.put("choice", c.options());
            }
            if (p.conditional()) {
                d.put("when", new TreeMap<>(p.when()));
            }
            all.put(p.name(), d);
        }
        return Json.write(all);
    }
}
