package io.pylon.tune.space;

import java.util.ArrayList;
import java.util.List;

/** One of a list of values (numbers, strings or booleans as written in YAML), without order. */
public record Choice(List<Object> options) implements Distribution {

    public Choice {
        List<Object> normalized = new ArrayList<>();
        for (Object option : options) {
            Object value = normalize(option);
            if (normalized.contains(value)) {
                throw new IllegalArgumentException("lists " + value + " twice");
            }
            normalized.add(value);
        }
        if (normalized.isEmpty()) {
            throw new IllegalArgumentException("needs at least one option");
        }
        options = List.copyOf(normalized);
    }

    /** Integers as Long and floats as Double, so that a value read back from JSON equals the option. */
    static Object normalize(Object value) {
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Float f) {
            return f.doubleValue();
        }
        if (value == null || value instanceof String || value instanceof Long || value instanceof Double
                || value instanceof Boolean) {
            return value;
        }
        throw new IllegalArgumentException("options must be numbers, strings or booleans, got " + value);
    }

    /** The index of {@code value}, or -1. */
    public int indexOf(Object value) {
        Object normalized = normalize(value);
        int index = options.indexOf(normalized);
        if (index < 0 && normalized instanceof Long l) {
            index = options.indexOf(l.doubleValue());
        }
        return index;
    }

    @Override
    public double internalLow() {
        return 0;
    }

    @Override
    public double internalHigh() {
        return options.size() - 1;
    }

    @Override
    public double toInternal(Object value) {
        int index = indexOf(value);
        if (index < 0) {
            throw new IllegalArgumentException(value + " is not one of " + options);
        }
        return index;
    }

    @Override
    public Object toExternal(double internal) {
        int index = (int) Math.round(internal);
        return options.get(Math.max(0, Math.min(options.size() - 1, index)));
    }

    @Override
    public boolean categorical() {
        return true;
    }
}
