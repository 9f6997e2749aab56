package io.pylon.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.RecordComponent;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.pylon.config.Default;
import io.pylon.config.InvalidValueException;

class DataConfigTest {

    @Test
    void defaultsMatchTheDefaultAnnotations() throws Exception {
        DataConfig defaults = DataConfig.defaults();
        for (RecordComponent component : DataConfig.class.getRecordComponents()) {
            String yaml = component.getAnnotation(Default.class).value();
            Object value = component.getAccessor().invoke(defaults);
            Object expected = switch (value) {
                case Optional<?> o -> "null".equals(yaml) ? Optional.empty() : Optional.of(yaml);
                case Integer i -> Integer.valueOf(yaml);
                case Long l -> Long.valueOf(yaml);
                case Boolean b -> Boolean.valueOf(yaml);
                case io.pylon.config.ConfigNode node -> value; // structured defaults: bound by the binder itself
                case java.util.List<?> list -> "[]".equals(yaml) ? java.util.List.of() : yaml;
                default -> yaml;
            };
            assertThat(value).as(component.getName()).isEqualTo(expected);
        }
    }

    @Test
    void invalidValuesNameTheirKey() {
        assertThatThrownBy(() -> new DataConfig("fashion_mnist", Optional.empty(), 0, 512, 5000, 0, 0, 0, true,
                false, true)).isInstanceOfSatisfying(InvalidValueException.class,
                        e -> assertThat(e.key()).isEqualTo("batch_size"));
        assertThatThrownBy(() -> new DataConfig("fashion_mnist", Optional.empty(), 1, 512, -1, 0, 0, 0, true,
                false, true)).isInstanceOfSatisfying(InvalidValueException.class,
                        e -> assertThat(e.key()).isEqualTo("val_size"));
        assertThatThrownBy(() -> new DataConfig("fashion_mnist", Optional.empty(), 1, 512, 1, -5, 0, 0, true,
                false, true)).isInstanceOfSatisfying(InvalidValueException.class,
                        e -> assertThat(e.key()).isEqualTo("limit_train"));
        assertThatThrownBy(() -> new DataConfig(" ", Optional.empty(), 1, 512, 1, 0, 0, 0, true, false, true))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.key()).isEqualTo("name"));
    }
}
