package io.pylon.tune.run;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Turns sampled parameter values into command-line overrides ({@code optim.lr=0.00123}). */
final class ParamOverrides {

    private ParamOverrides() {
    }

    static List<String> of(Map<String, Object> params) {
        List<String> overrides = new ArrayList<>();
        params.forEach((path, value) -> overrides.add(path + "=" + text(value)));
        return overrides;
    }

    /**
     * A YAML flow value that reads back as the same value: doubles always in plain decimal with a point
     * (YAML 1.1 reads {@code 1.0E7} as a string), strings quoted unless plain.
     */
    static String text(Object value) {
        if (value instanceof Double d) {
            if (d.isNaN() || d.isInfinite()) {
                throw new IllegalArgumentException("cannot set a parameter to " + d);
            }
            String plain = BigDecimal.valueOf(d).toPlainString();
            return plain.contains(".") ? plain : plain + ".0";
        }
        if (value instanceof String s && !s.matches("[A-Za-z_][A-Za-z0-9_./-]*")) {
            return "'" + s.replace("'", "''") + "'";
        }
        return String.valueOf(value);
    }
}
