package io.pylon.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.pylon.config.Default;
import io.pylon.config.InvalidValueException;

class ParamsTest {

    /** Parses the few YAML forms the params defaults use: numbers, booleans and flat integer lists. */
    private static Object parse(String yaml, Class<?> type) {
        if (type == List.class) {
            String inner = yaml.substring(1, yaml.length() - 1).trim();
            return inner.isEmpty() ? List.of() : Arrays.stream(inner.split(",")).map(s -> Integer.valueOf(s.trim()))
                    .toList();
        }
        if (type == int.class) {
            return Integer.valueOf(yaml);
        }
        if (type == double.class) {
            return Double.valueOf(yaml);
        }
        return Boolean.valueOf(yaml);
    }

    @ParameterizedTest
    @ValueSource(classes = {MlpParams.class, CnnParams.class})
    void defaultsMatchTheDefaultAnnotations(Class<? extends Record> type) throws Exception {
        Object defaults = type.getMethod("defaults").invoke(null);
        for (RecordComponent component : type.getRecordComponents()) {
            Object expected = parse(component.getAnnotation(Default.class).value(), component.getType());
            assertThat(component.getAccessor().invoke(defaults)).as(component.getName()).isEqualTo(expected);
        }
    }

    @Test
    void invalidValuesNameTheirKey() {
        assertThatThrownBy(() -> new MlpParams(List.of(10, 0), 0.1)).isInstanceOfSatisfying(
                InvalidValueException.class, e -> assertThat(e.key()).isEqualTo("hidden"));
        assertThatThrownBy(() -> new MlpParams(List.of(10), 1.0)).isInstanceOfSatisfying(
                InvalidValueException.class, e -> assertThat(e.key()).isEqualTo("dropout"));
        assertThatThrownBy(() -> new CnnParams(List.of(), 10, 0.1, true)).isInstanceOfSatisfying(
                InvalidValueException.class, e -> assertThat(e.key()).isEqualTo("channels"));
        assertThatThrownBy(() -> new CnnParams(List.of(8), 0, 0.1, true)).isInstanceOfSatisfying(
                InvalidValueException.class, e -> assertThat(e.key()).isEqualTo("hidden"));
    }
}
