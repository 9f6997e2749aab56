package io.pylon.config;

import java.math.BigInteger;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Types plain (unquoted) YAML scalars by the YAML 1.2 core schema. SnakeYAML resolves by YAML 1.1,
 * where {@code 1e-3} is a string and {@code on}/{@code no} are booleans; configs are written by
 * people used to Python's YAML 1.2 behaviour, so we resolve ourselves.
 */
final class ScalarResolver {

    private static final Set<String> NULLS = Set.of("", "~", "null", "Null", "NULL");
    private static final Set<String> TRUES = Set.of("true", "True", "TRUE");
    private static final Set<String> FALSES = Set.of("false", "False", "FALSE");
    private static final Pattern DECIMAL_INT = Pattern.compile("[-+]?[0-9]+");
    private static final Pattern HEX_INT = Pattern.compile("0x[0-9a-fA-F]+");
    private static final Pattern OCTAL_INT = Pattern.compile("0o[0-7]+");
    private static final Pattern FLOAT =
            Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
    private static final Pattern INFINITY = Pattern.compile("([-+]?)\\.(inf|Inf|INF)");
    private static final Pattern NAN = Pattern.compile("\\.(nan|NaN|NAN)");

    private ScalarResolver() {
    }

    /** The typed value of a plain scalar: null, Boolean, Long, Double, or the text itself. */
    static Object resolvePlain(String text) {
        if (NULLS.contains(text)) {
            return null;
        }
        return resolveBoolean(text).map(Object.class::cast)
                .or(() -> resolveNumber(text))
                .orElse(text);
    }

    /** Whether writing {@code text} unquoted would read back as something other than that string. */
    static boolean isAmbiguous(String text) {
        return !(resolvePlain(text) instanceof String);
    }

    static Optional<Boolean> resolveBoolean(String text) {
        if (TRUES.contains(text)) {
            return Optional.of(Boolean.TRUE);
        }
        return FALSES.contains(text) ? Optional.of(Boolean.FALSE) : Optional.empty();
    }

    static Optional<Object> resolveNumber(String text) {
        if (DECIMAL_INT.matcher(text).matches()) {
            return Optional.of(integer(new BigInteger(text.startsWith("+") ? text.substring(1) : text)));
        }
        if (HEX_INT.matcher(text).matches()) {
            return Optional.of(integer(new BigInteger(text.substring(2), 16)));
        }
        if (OCTAL_INT.matcher(text).matches()) {
            return Optional.of(integer(new BigInteger(text.substring(2), 8)));
        }
        if (FLOAT.matcher(text).matches()) {
            return Optional.of(Double.parseDouble(text));
        }
        var infinity = INFINITY.matcher(text);
        if (infinity.matches()) {
            return Optional.of(infinity.group(1).equals("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
        }
        return NAN.matcher(text).matches() ? Optional.of(Double.NaN) : Optional.empty();
    }

    // An integer too large for a long is still a number to the user; a double keeps its magnitude.
    private static Object integer(BigInteger value) {
        return value.bitLength() < Long.SIZE ? (Object) value.longValue() : (Object) value.doubleValue();
    }
}
