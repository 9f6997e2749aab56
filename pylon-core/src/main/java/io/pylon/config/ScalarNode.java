package io.pylon.config;

/**
 * A YAML scalar, already resolved to its type.
 *
 * @param value a String, Long, Double, Boolean, or null for YAML {@code null}/{@code ~}/empty
 */
public record ScalarNode(Object value, Origin origin) implements ConfigNode {

    public ScalarNode {
        // Normalising the narrower boxes here keeps equality and binding to four value types.
        if (value instanceof Integer i) {
            value = i.longValue();
        } else if (value instanceof Float f) {
            value = f.doubleValue();
        }
        if (value != null && !(value instanceof String || value instanceof Long
                || value instanceof Double || value instanceof Boolean)) {
            throw new IllegalArgumentException("a scalar is a String, Long, Double, Boolean or null, got "
                    + value.getClass().getName());
        }
        if (origin == null) {
            throw new IllegalArgumentException("a node needs an origin");
        }
    }

    public boolean isNull() {
        return value == null;
    }
}
