package io.pylon.config;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Converts a non-null scalar to a Java scalar type, strictly: an int never accepts {@code 3.5} or {@code "3"}. */
final class ScalarConversions {

    private ScalarConversions() {
    }

    /** Whether {@link #convert} handles {@code type}; anything else in a config record is a programming error. */
    static boolean supports(Class<?> type) {
        return type.isPrimitive() && type != char.class && type != byte.class && type != short.class
                || type == Integer.class || type == Long.class || type == Double.class || type == Float.class
                || type == Boolean.class || type == String.class || type == Path.class || type.isEnum();
    }

    static Object convert(ScalarNode scalar, String keyPath, Class<?> type) {
        Object value = scalar.value();
        if (type == int.class || type == Integer.class) {
            if (value instanceof Long l && l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE) {
                return l.intValue();
            }
            if (value instanceof Long) {
                throw new ConfigException(scalar.origin(), keyPath, "expected an integer between "
                        + Integer.MIN_VALUE + " and " + Integer.MAX_VALUE + ", got " + value);
            }
        } else if (type == long.class || type == Long.class) {
            if (value instanceof Long) {
                return value;
            }
        } else if (type == double.class || type == Double.class) {
            if (value instanceof Long || value instanceof Double) {
                return ((Number) value).doubleValue();
            }
        } else if (type == float.class || type == Float.class) {
            if (value instanceof Long || value instanceof Double) {
                return ((Number) value).floatValue();
            }
        } else if (type == boolean.class || type == Boolean.class) {
            if (value instanceof Boolean) {
                return value;
            }
        } else if (type == String.class) {
            // Names such as "2024" or "1.5" are written unquoted; the text of the number is what was meant.
            return value instanceof Double ? YamlWriter.scalar(value) : value.toString();
        } else if (type == Path.class) {
            if (value instanceof String text) {
                return Path.of(text);
            }
        } else if (type.isEnum()) {
            return enumConstant(scalar, keyPath, type);
        } else {
            throw new IllegalArgumentException("config values cannot have type " + type.getName());
        }
        throw Binder.wrongType(scalar, keyPath, type);
    }

    private static Object enumConstant(ScalarNode scalar, String keyPath, Class<?> type) {
        List<String> allowed = Arrays.stream(type.getEnumConstants())
                .map(constant -> ((Enum<?>) constant).name().toLowerCase(Locale.ROOT))
                .toList();
        if (scalar.value() instanceof String text) {
            for (Object constant : type.getEnumConstants()) {
                if (((Enum<?>) constant).name().equalsIgnoreCase(text)) {
                    return constant;
                }
            }
            throw new ConfigException(scalar.origin(), keyPath, "expected one of " + String.join(", ", allowed)
                    + ", got '" + text + "'" + Suggestions.didYouMean(text.toLowerCase(Locale.ROOT), allowed));
        }
        throw Binder.wrongType(scalar, keyPath, type);
    }
}
