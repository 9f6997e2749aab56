package io.pylon.track.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** JSON for the browser: non-finite numbers become null (JSON has no NaN). */
final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not encode JSON: " + e.getMessage(), e);
        }
    }

    static Double[] finite(double[] values) {
        Double[] out = new Double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = Double.isFinite(values[i]) ? values[i] : null;
        }
        return out;
    }
}
