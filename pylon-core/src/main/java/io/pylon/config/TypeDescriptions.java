package io.pylon.config;

import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/** Words for what a type allows and what a node holds, for "expected X, got Y" messages. */
public final class TypeDescriptions {

    private TypeDescriptions() {
    }

    static String describe(Type type) {
        Class<?> raw = Binder.rawClass(type);
        if (raw == int.class || raw == Integer.class || raw == long.class || raw == Long.class
                || raw == OptionalInt.class || raw == OptionalLong.class) {
            return "an integer";
        }
        if (raw == double.class || raw == Double.class || raw == float.class || raw == Float.class
                || raw == OptionalDouble.class) {
            return "a number";
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return "true or false";
        }
        if (raw == String.class) {
            return "a string";
        }
        if (raw == Path.class) {
            return "a file path";
        }
        if (raw.isEnum()) {
            return "one of " + String.join(", ", Arrays.stream(raw.getEnumConstants())
                    .map(constant -> ((Enum<?>) constant).name().toLowerCase(Locale.ROOT)).toList());
        }
        if (raw == Optional.class) {
            return describe(Binder.typeArgument(type, 0)) + " or null";
        }
        if (raw == List.class || raw == ListNode.class) {
            return "a list";
        }
        if (raw == Map.class || raw == MapNode.class) {
            return "a map";
        }
        if (raw.isRecord()) {
            return "a map with keys " + String.join(", ", Arrays.stream(raw.getRecordComponents())
                    .map(RecordComponent::getName).map(RecordBinder::yamlKey).toList());
        }
        if (raw == ScalarNode.class) {
            return "a single value";
        }
        return "a value";
    }

    public static String show(ConfigNode node) {
        return switch (node) {
            case MapNode map -> "a map";
            case ListNode list -> "a list";
            case ScalarNode scalar when scalar.value() instanceof String text -> "'" + text + "'";
            case ScalarNode scalar -> YamlWriter.scalar(scalar.value());
        };
    }
}
