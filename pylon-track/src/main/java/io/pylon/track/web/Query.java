package io.pylon.track.web;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A request's query parameters (a name may repeat: {@code ?id=a&id=b}). */
record Query(Map<String, List<String>> values) {

    static Query parse(URI uri) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        String raw = uri.getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                values.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            }
        }
        return new Query(values);
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    Optional<String> first(String name) {
        List<String> v = values.get(name);
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
    }

    List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }
}
