package io.pylon.tune;

import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** JSON for what studies store and what {@code pylon study} prints: maps, lists, numbers, strings. */
public final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_LONG_FOR_INTS)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    private static final ObjectMapper ORDERED = new ObjectMapper().enable(DeserializationFeature.USE_LONG_FOR_INTS);

    private Json() {
    }

    /** Writes with map keys in insertion order (records of values keep the order they were built in). */
    public static String write(Object value) {
        try {
            return ORDERED.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Map<String, Object> readMap(String json) {
        try {
            return MAPPER.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a JSON object: " + e.getOriginalMessage(), e);
        }
    }

    public static List<Object> readList(String json) {
        try {
            return MAPPER.readValue(json, new TypeReference<List<Object>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a JSON list: " + e.getOriginalMessage(), e);
        }
    }
}
